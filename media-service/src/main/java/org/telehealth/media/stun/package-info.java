/**
 * The STUN wire format (RFC 8489) and the ICE-lite answer to connectivity checks (RFC 8445 §7.3).
 * {@link org.telehealth.media.stun.StunMessageDecoder} and
 * {@link org.telehealth.media.stun.StunMessageEncoder} read and write messages;
 * {@link org.telehealth.media.stun.IceLiteResponder} turns one received datagram into a
 * {@link org.telehealth.media.stun.BindingOutcome}. Plain Java: the transport that owns the socket
 * wires it in.
 */
package org.telehealth.media.stun;
