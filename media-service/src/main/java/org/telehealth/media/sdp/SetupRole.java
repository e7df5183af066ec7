package org.telehealth.media.sdp;

import java.util.Optional;

/**
 * The {@code a=setup} attribute (RFC 4145, RFC 8842): which side opens the DTLS connection. An
 * offer without it means {@code active} (RFC 4145, section 4). The SFU always answers
 * {@link #PASSIVE}, i.e. it is the DTLS server, so a browser must offer {@link #ACTPASS} or
 * {@link #ACTIVE}.
 */
public enum SetupRole {
    ACTPASS("actpass"),
    ACTIVE("active"),
    PASSIVE("passive"),
    HOLDCONN("holdconn");

    private final String sdpName;

    SetupRole(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    /** Whether the offerer can be the DTLS client, as the SFU needs. */
    public boolean letsAnswererBePassive() {
        return this == ACTPASS || this == ACTIVE;
    }

    static Optional<SetupRole> fromSdpName(String name) {
        for (SetupRole role : values()) {
            if (role.sdpName.equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
