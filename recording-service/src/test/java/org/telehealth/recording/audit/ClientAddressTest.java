package org.telehealth.recording.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress behindProxies = new ClientAddress(() -> Optional.of(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8")));
    private final ClientAddress direct = new ClientAddress(Optional::empty);

    @Test
    void shouldKeepThePeerWhenNoProxyIsTrusted() {
        assertThat(direct.resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(direct.resolve("10.1.2.3", "198.51.100.1")).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldBelieveXForwardedForOnlyFromATrustedProxy() {
        assertThat(behindProxies.resolve("10.1.2.3", "198.51.100.1")).isEqualTo("198.51.100.1");
        assertThat(behindProxies.resolve("203.0.113.9", "198.51.100.1")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.resolve("10.1.2.3", null)).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldWalkPastTrustedHopsAndNeverBelieveWhatTheClientWroteItself() {
        // the client forged "1.2.3.4"; the first proxy appended the real client, the second proxy appended the first
        assertThat(behindProxies.resolve("10.0.0.2", "1.2.3.4, 198.51.100.7, 192.168.1.5")).isEqualTo("198.51.100.7");
        assertThat(behindProxies.resolve("fd00::1", "2001:db8::7")).isEqualTo("2001:db8::7");
    }

    @Test
    void shouldStopAtGarbageInTheChain() {
        assertThat(behindProxies.resolve("10.0.0.2", "evil.example, 10.9.9.9")).isEqualTo("10.9.9.9");
        assertThat(behindProxies.resolve("10.0.0.2", "not-an-address")).isEqualTo("10.0.0.2");
    }
}
