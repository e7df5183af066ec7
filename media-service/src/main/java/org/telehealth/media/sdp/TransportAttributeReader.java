package org.telehealth.media.sdp;

import org.telehealth.media.stun.IceCredentials;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.MALFORMED_ATTRIBUTE;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_FINGERPRINT;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_ICE_CREDENTIALS;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.NO_RTCP_MUX;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.UNSUPPORTED_FINGERPRINT_ALGORITHM;
import static org.telehealth.media.sdp.UnacceptableOfferException.Reason.UNSUPPORTED_SETUP_ROLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.telehealth.media.dtls.CertificateFingerprint;

/**
 * Reads the transport attributes of an m-section, each from the section or, failing that, from
 * the session level: ICE credentials, the DTLS fingerprint and setup role. It also refuses the
 * offer when a section the browser wants on the bundled transport lacks what that transport needs:
 * ICE credentials, a sha-256 fingerprint, a setup role that lets the SFU be the DTLS server and,
 * for RTP, rtcp-mux.
 */
final class TransportAttributeReader {

    private final SessionDescription description;
    private final MediaSection section;

    TransportAttributeReader(SessionDescription description, MediaSection section) {
        this.description = description;
        this.section = section;
    }

    static void requireUsable(Optional<IceCredentials> ice, Optional<CertificateFingerprint> fingerprint,
            SetupRole setup, boolean rtcpMux) throws UnacceptableOfferException {
        if (ice.isEmpty()) {
            throw new UnacceptableOfferException(NO_ICE_CREDENTIALS,
                    "no a=ice-ufrag and a=ice-pwd, neither in the m-section nor at session level");
        }
        if (fingerprint.isEmpty()) {
            throw new UnacceptableOfferException(NO_FINGERPRINT,
                    "no a=fingerprint, neither in the m-section nor at session level: DTLS-SRTP cannot be authenticated");
        }
        if (!setup.letsAnswererBePassive()) {
            throw new UnacceptableOfferException(UNSUPPORTED_SETUP_ROLE, "a=setup:" + setup.sdpName()
                    + " is not accepted: the SFU is always the DTLS server, so offers must be a=setup:actpass or active");
        }
        if (!rtcpMux) {
            throw new UnacceptableOfferException(NO_RTCP_MUX,
                    "no a=rtcp-mux: the SFU receives RTP and RTCP on one port (RTCPeerConnection rtcpMuxPolicy 'require')");
        }
    }

    Optional<IceCredentials> iceCredentials() throws UnacceptableOfferException {
        Optional<String> ufrag = mediaOrSession("ice-ufrag");
        Optional<String> pwd = mediaOrSession("ice-pwd");
        if (ufrag.isEmpty() || pwd.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new IceCredentials(ufrag.get(), pwd.get()));
        } catch (IllegalArgumentException e) {
            throw new UnacceptableOfferException(MALFORMED_ATTRIBUTE, e.getMessage());
        }
    }

    /** The sha-256 fingerprint among the section's, or failing that the session's, fingerprints. */
    Optional<CertificateFingerprint> fingerprint() throws UnacceptableOfferException {
        List<String> values = section.attributeValues("fingerprint");
        if (values.isEmpty()) {
            values = description.attributeValues("fingerprint");
        }
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<String> algorithms = new ArrayList<>();
        for (String value : values) {
            String algorithm = value.split(" ", 2)[0].toLowerCase(Locale.ROOT);
            if (!SdpGrammar.isToken(algorithm)) {
                throw UnacceptableOfferException.malformed("fingerprint", value, "<hash function> <hex bytes>");
            }
            if (algorithm.equals(CertificateFingerprint.SHA_256)) {
                try {
                    return Optional.of(CertificateFingerprint.parse(value));
                } catch (IllegalArgumentException e) {
                    throw UnacceptableOfferException.malformed("fingerprint", value, "sha-256 <32 hex bytes, ':' between>");
                }
            }
            algorithms.add(SdpLine.quoted(algorithm));
        }
        throw new UnacceptableOfferException(UNSUPPORTED_FINGERPRINT_ALGORITHM,
                "a=fingerprint uses " + String.join(", ", algorithms) + "; only sha-256 is accepted");
    }

    SetupRole setup() throws UnacceptableOfferException {
        Optional<String> value = mediaOrSession("setup");
        if (value.isEmpty()) {
            return SetupRole.ACTIVE;
        }
        Optional<SetupRole> role = SetupRole.fromSdpName(value.get());
        if (role.isEmpty()) {
            throw UnacceptableOfferException.malformed("setup", value.get(), "actpass|active|passive|holdconn");
        }
        return role.get();
    }

    private Optional<String> mediaOrSession(String name) throws UnacceptableOfferException {
        Optional<String> value = single(section.attributeValues(name), name);
        return value.isPresent() ? value : single(description.attributeValues(name), name);
    }

    private static Optional<String> single(List<String> values, String name) throws UnacceptableOfferException {
        if (values.size() > 1) {
            throw new UnacceptableOfferException(MALFORMED_ATTRIBUTE, "more than one a=" + name + " at the same level");
        }
        return values.stream().findFirst();
    }
}
