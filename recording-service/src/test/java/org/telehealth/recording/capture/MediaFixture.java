package org.telehealth.recording.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Coded media for tests, made once per build by ffmpeg (Java cannot encode VP8, VP9 or Opus): a
 * moving test pattern in VP8 and VP9 (IVF), a tone in Opus (Ogg), 20 ms frames. Also runs ffmpeg
 * and ffprobe on what the tests write.
 */
public final class MediaFixture {

    public static final Path DIRECTORY = Path.of("target", "test-media");
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    public static final int FPS = 25;
    public static final int SECONDS = 6;
    public static final int CAMERA_SECONDS = 10;

    private MediaFixture() {
    }

    /** Whether ffmpeg and ffprobe are installed (Debian's ffmpeg package). */
    public static boolean available() {
        try {
            return run(List.of("ffmpeg", "-version")).exitCode() == 0 && run(List.of("ffprobe", "-version")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    public static synchronized Path vp8() throws IOException {
        return make("pattern-vp8.ivf", "-f", "lavfi", "-i", pattern(), "-c:v", "libvpx", "-b:v", "500k", "-g", "50",
                "-auto-alt-ref", "0", "-lag-in-frames", "0", "-deadline", "realtime", "-f", "ivf");
    }

    /**
     * A camera as a browser sends it for a visit: VP8, 640x480 at 25 frames/s, about 1 Mbit/s (a
     * test pattern with moving noise, so that the encoder spends its rate), a keyframe every 2 s,
     * {@link #CAMERA_SECONDS} long so that it can be looped from its first keyframe.
     */
    public static synchronized Path camera() throws IOException {
        return make("camera-vp8-640x480.ivf", "-f", "lavfi", "-i", "testsrc2=size=640x480:rate=" + FPS + ":duration="
                + CAMERA_SECONDS, "-vf", "noise=alls=12:allf=t", "-c:v", "libvpx", "-b:v", "1000k", "-minrate", "1000k",
                "-maxrate", "1000k", "-g", "50", "-max-intra-rate", "300", "-auto-alt-ref", "0", "-lag-in-frames", "0",
                "-deadline", "realtime", "-cpu-used", "8", "-f", "ivf");
    }

    public static synchronized Path vp9() throws IOException {
        return make("pattern-vp9.ivf", "-f", "lavfi", "-i", pattern(), "-c:v", "libvpx-vp9", "-b:v", "400k", "-g", "50",
                "-lag-in-frames", "0", "-deadline", "realtime", "-row-mt", "0", "-f", "ivf");
    }

    public static synchronized Path opus() throws IOException {
        return make("tone-opus.ogg", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + SECONDS, "-ac", "2",
                "-c:a", "libopus", "-b:a", "48k", "-frame_duration", "20", "-f", "ogg");
    }

    private static String pattern() {
        return "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=" + FPS + ":duration=" + SECONDS;
    }

    private static Path make(String name, String... arguments) throws IOException {
        Path file = DIRECTORY.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(DIRECTORY);
        Path partial = DIRECTORY.resolve(name + ".part");
        List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments));
        command.add(partial.toString());
        Result result = run(command);
        if (result.exitCode() != 0) {
            throw new IOException("ffmpeg could not make " + name + ": " + result.output());
        }
        Files.move(partial, file);
        return file;
    }

    public record Result(int exitCode, String output, byte[] stdout) {
    }

    /** Runs a command, its standard error kept apart from its standard output. */
    public static Result run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        java.util.concurrent.CompletableFuture<byte[]> errors = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        byte[] stdout = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Result(process.exitValue(), new String(errors.join()), stdout);
    }
}
