package org.telehealth.media.transport;

/** The protocols that share the one UDP port of a WebRTC transport (RFC 7983), and the rest. */
public enum PacketKind {
    STUN,
    DTLS,
    RTP,
    RTCP,
    UNKNOWN
}
