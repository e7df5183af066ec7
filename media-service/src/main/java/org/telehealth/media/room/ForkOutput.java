package org.telehealth.media.room;

/**
 * Where a room's {@link RecordingFork} sends: plain RTP and RTCP to the recorder's address. An
 * interface so that the fork can be tested by reading back what it sends, without a socket.
 */
public interface ForkOutput extends AutoCloseable {

    /**
     * Sends {@code length} bytes of {@code packet} from {@code offset}, an RTP or RTCP packet;
     * failures are counted, not thrown. The bytes are the caller's again when it returns (the fork
     * writes the next packet over them): an output that keeps them copies them.
     */
    void send(byte[] packet, int offset, int length);

    /** Datagrams that could not be sent. */
    long failures();

    @Override
    void close();
}
