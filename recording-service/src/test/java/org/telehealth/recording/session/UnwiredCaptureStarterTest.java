package org.telehealth.recording.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnwiredCaptureStarterTest {

    @Test
    void shouldStartAndStopWithoutWritingAnything() {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        RecordingSink sink = new RecordingSink() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public void captureFailed(String reason) {
                throw new AssertionError("the placeholder reported a failure: " + reason);
            }
        };

        CaptureSession session = new UnwiredCaptureStarter().start(UUID.randomUUID(), UUID.randomUUID(), sink);
        session.stop();

        assertThat(written.size()).isZero();
    }
}
