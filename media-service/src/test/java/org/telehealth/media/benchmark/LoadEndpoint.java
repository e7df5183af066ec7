package org.telehealth.media.benchmark;

import java.nio.channels.DatagramChannel;
import java.util.Optional;
import org.telehealth.media.srtp.SrtpSession;

/**
 * One socket of the load generator, connected to the server under test: a synthetic participant of
 * the SFU (SRTP both ways, consent checks) or a plain-RTP client of the UDP echo.
 *
 * @param srtp the participant's SRTP session; empty for the echo, which gets plain RTP
 * @param consent the connectivity check to repeat for consent freshness; empty for the echo
 */
record LoadEndpoint(String name, DatagramChannel channel, Optional<SrtpSession> srtp, Optional<IceConnectivityCheck> consent) {
}
