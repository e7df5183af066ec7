package org.telehealth.media.sdp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.telehealth.media.dtls.CertificateFingerprint;
import org.telehealth.media.stun.IceCredentials;

/**
 * A browser's offer, read and accepted by {@link OfferReader}: the BUNDLE group, the transport
 * parameters of the one bundled transport and every m-section in order. The transport parameters
 * are those of the BUNDLE tag, the first mid of the group (RFC 8843): the ICE credentials to check
 * the browser's STUN requests against and the fingerprint its DTLS certificate must match.
 */
public record Offer(List<String> bundleGroup, boolean extmapAllowMixed, IceCredentials iceCredentials,
        CertificateFingerprint fingerprint, SetupRole setup, List<OfferedMedia> media) {

    public Offer {
        bundleGroup = List.copyOf(bundleGroup);
        if (bundleGroup.isEmpty()) {
            throw new IllegalArgumentException("an accepted offer has a BUNDLE group");
        }
        Objects.requireNonNull(iceCredentials, "iceCredentials");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(setup, "setup");
        media = List.copyOf(media);
    }

    /** The mid whose m-section carries the bundled transport. */
    public String bundleTag() {
        return bundleGroup.get(0);
    }

    public boolean isBundled(String mid) {
        return bundleGroup.contains(mid);
    }

    public Optional<OfferedMedia> media(String mid) {
        return media.stream().filter(m -> m.mid().equals(mid)).findFirst();
    }
}
