package org.telehealth.media.rtcp;

/** The RTCP packet type numbers (the PT byte) of RFC 3550 §12.1 and RFC 4585 §6.1. */
public final class RtcpPacketType {

    public static final int SENDER_REPORT = 200;
    public static final int RECEIVER_REPORT = 201;
    public static final int SOURCE_DESCRIPTION = 202;
    public static final int GOODBYE = 203;
    public static final int APPLICATION_DEFINED = 204;
    /** RTPFB: generic NACK, transport-cc feedback and other transport-layer feedback. */
    public static final int TRANSPORT_LAYER_FEEDBACK = 205;
    /** PSFB: PLI, FIR, REMB and other payload-specific feedback. */
    public static final int PAYLOAD_SPECIFIC_FEEDBACK = 206;

    private RtcpPacketType() {
    }
}
