package org.telehealth.recording.fork;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.telehealth.recording.session.RecordingSink;
import org.telehealth.recording.webm.WebmSink;

/**
 * The muxer's output onto the recording's encrypting sink: the head goes to the sink's sealed head
 * slots, the body through its stream, and a sync is a flush (a chunk sealed and forced to disk).
 * Closing does nothing: recording-service closes the sink once the capture stopped.
 */
public final class SinkWebmOutput implements WebmSink {

    private final RecordingSink sink;

    public SinkWebmOutput(RecordingSink sink) {
        this.sink = sink;
    }

    @Override
    public void writeHead(ByteBuffer head) throws IOException {
        byte[] bytes = new byte[head.remaining()];
        head.get(bytes);
        sink.writeHead(bytes);
    }

    @Override
    public void append(ByteBuffer data) throws IOException {
        if (data.hasArray()) {
            sink.write(data.array(), data.arrayOffset() + data.position(), data.remaining());
            data.position(data.limit());
        } else {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            sink.write(bytes);
        }
    }

    @Override
    public void sync() throws IOException {
        sink.flush();
    }

    @Override
    public void close() {
        // recording-service's to do
    }
}
