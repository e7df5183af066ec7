package org.telehealth.recording.capture;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.telehealth.recording.webm.FileWebmSink;

/**
 * A capture in a process of its own, for the crash test to kill: records to the file named by its
 * argument, prints {@code READY <port>} and captures until it is killed.
 */
public final class CaptureProcess {

    private CaptureProcess() {
    }

    public static void main(String[] arguments) throws Exception {
        ForkRecorder capture = ForkRecorder.start("crash-test", new InetSocketAddress("127.0.0.1", 0),
                FileWebmSink.create(Path.of(arguments[0])), CaptureSettings.DEFAULTS);
        System.out.println("READY " + capture.localAddress().getPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
