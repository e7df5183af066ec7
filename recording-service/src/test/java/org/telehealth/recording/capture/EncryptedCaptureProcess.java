package org.telehealth.recording.capture;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.telehealth.recording.encryption.EncryptingOutputStream;
import org.telehealth.recording.encryption.MasterKey;
import org.telehealth.recording.fork.SinkWebmOutput;
import org.telehealth.recording.session.RecordingSink;

/**
 * A capture in a process of its own writing as recording-service does, into the encrypting spool
 * file (head slots and sealed chunks), for {@link EncryptedCaptureCrashTest} to kill: prints
 * {@code READY <port>} and captures until it is killed.
 *
 * <p>Arguments: spool file, master key (base64), recording id.
 */
public final class EncryptedCaptureProcess {

    private EncryptedCaptureProcess() {
    }

    public static void main(String[] arguments) throws Exception {
        EncryptingOutputStream out = EncryptingOutputStream.create(Path.of(arguments[0]), UUID.fromString(arguments[2]),
                MasterKey.of(Base64.getDecoder().decode(arguments[1])), new SecureRandom());
        RecordingSink sink = new RecordingSink() {
            @Override
            public void writeHead(byte[] head) throws IOException {
                out.writeHead(head);
            }

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void captureFailed(String reason) {
                System.out.println("FAILED " + reason);
            }
        };
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        ForkRecorder.start("encrypted-crash-test", socket, new SinkWebmOutput(sink), CaptureSettings.DEFAULTS,
                failure -> sink.captureFailed(failure.getMessage()));
        System.out.println("READY " + socket.getLocalPort());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
