package org.telehealth.recording.session;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.telehealth.recording.encryption.EncryptingOutputStream;

/** The {@link RecordingSink} handed to the capture side: an {@link EncryptingOutputStream} plus the way to report failure. */
final class EncryptedRecordingSink extends RecordingSink {

    private final EncryptingOutputStream out;
    private final Consumer<String> onFailure;
    private final AtomicBoolean failed = new AtomicBoolean();

    EncryptedRecordingSink(EncryptingOutputStream out, Consumer<String> onFailure) {
        this.out = out;
        this.onFailure = onFailure;
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
    public void writeHead(byte[] head) throws IOException {
        out.writeHead(head);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Closing is recording-service's to do, after the session stopped; from the capture side it does nothing. */
    @Override
    public void close() {
    }

    @Override
    public void captureFailed(String reason) {
        if (failed.compareAndSet(false, true)) {
            onFailure.accept(reason);
        }
    }
}
