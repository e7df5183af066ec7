package org.telehealth.media.rtcp;

/**
 * What a transport-cc feedback says about one packet: not received (yet), or received some time
 * after the packet received before it in the same feedback (the first one: after the feedback's
 * reference time). The wire form, the 2-bit status symbol and a 1- or 2-byte receive delta, follows
 * from the delta alone, so a feedback that is parsed and written again reads the same.
 *
 * <pre>
 * symbol  status                                receive delta
 *   00    not received                          none
 *   01    received, small delta                 8 bits unsigned: 0 .. 255 x 250 us
 *   10    received, large or negative delta     16 bits signed: -32768 .. 32767 x 250 us
 *   11    reserved                              (rejected when parsed)
 * </pre>
 *
 * @param receiveDelta in steps of {@link TransportCcFeedback#DELTA_UNIT_MICROS}; 0 when not received
 */
public record TransportCcPacketStatus(boolean received, int receiveDelta) {

    public static final TransportCcPacketStatus NOT_RECEIVED = new TransportCcPacketStatus(false, 0);

    static final int SYMBOL_NOT_RECEIVED = 0;
    static final int SYMBOL_SMALL_DELTA = 1;
    static final int SYMBOL_LARGE_DELTA = 2;
    static final int SYMBOL_RESERVED = 3;

    private static final int MAX_SMALL_DELTA = 0xFF;

    public TransportCcPacketStatus {
        if (!received && receiveDelta != 0) {
            throw new IllegalArgumentException("a packet not received has no receive delta, not " + receiveDelta);
        }
        if (receiveDelta < Short.MIN_VALUE || receiveDelta > Short.MAX_VALUE) {
            throw new IllegalArgumentException("receive delta " + receiveDelta + " outside " + Short.MIN_VALUE + ".."
                    + Short.MAX_VALUE + " (+/-8.192 s)");
        }
    }

    /** @param receiveDelta in steps of 250 us since the previous received packet, -32768 .. 32767 */
    public static TransportCcPacketStatus received(int receiveDelta) {
        return new TransportCcPacketStatus(true, receiveDelta);
    }

    /** The 2-bit status symbol this packet is written with. */
    int symbol() {
        if (!received) {
            return SYMBOL_NOT_RECEIVED;
        }
        return receiveDelta >= 0 && receiveDelta <= MAX_SMALL_DELTA ? SYMBOL_SMALL_DELTA : SYMBOL_LARGE_DELTA;
    }

    /** Bytes the receive delta takes on the wire: 0, 1 or 2 (which is also the symbol's value). */
    public int deltaLength() {
        return symbol();
    }
}
