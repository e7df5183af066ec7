package org.telehealth.infra.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the whole machine from the first line of {@code /proc/stat}: how busy all cores were
 * and how much the hypervisor took (steal). Subtracting the processes a benchmark started tells how
 * much other work (builds, other tests) ran during a measurement.
 *
 * @param busySeconds user, nice, system, irq, softirq and steal time of all cores
 * @param stealSeconds time the hypervisor ran something else while a core wanted to run
 */
public record MachineCpuTime(double busySeconds, double stealSeconds) {

    public static MachineCpuTime now() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return new MachineCpuTime(busy / ProcessCpuTime.TICKS_PER_SECOND,
                    Long.parseLong(f[8]) / ProcessCpuTime.TICKS_PER_SECOND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/stat", e);
        }
    }

    public MachineCpuTime minus(MachineCpuTime earlier) {
        return new MachineCpuTime(busySeconds - earlier.busySeconds, stealSeconds - earlier.stealSeconds);
    }
}
