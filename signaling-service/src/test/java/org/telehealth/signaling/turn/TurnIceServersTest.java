package org.telehealth.signaling.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telehealth.signaling.protocol.ServerMessage;

class TurnIceServersTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-31T23:00:00Z"), ZoneOffset.UTC);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final List<String> URIS = List.of("turns:turn.example.org:443?transport=tcp", "turn:turn.example.org:3478");

    @Test
    void shouldGiveOneServerWithEveryUriAndACredentialOfTheParticipant() {
        TurnIceServers servers = new TurnIceServers(Optional.of(URIS), Optional.of("s3cret"), HOUR, CLOCK);

        List<ServerMessage.IceServer> iceServers = servers.iceServersFor("pat-1");

        assertThat(servers.enabled()).isTrue();
        TurnCredential expected = new TurnCredentialIssuer("s3cret", HOUR, CLOCK).issue("pat-1");
        assertThat(iceServers).containsExactly(new ServerMessage.IceServer(URIS, expected.username(), expected.password()));
        assertThat(iceServers.get(0).toString()).doesNotContain(expected.password());
    }

    @Test
    void shouldBeOffWithNeitherUrisNorSecret() {
        TurnIceServers servers = new TurnIceServers(Optional.empty(), Optional.empty(), HOUR, CLOCK);

        assertThat(servers.enabled()).isFalse();
        assertThat(servers.iceServersFor("pat-1")).isEmpty();
        assertThat(new TurnIceServers(Optional.of(List.of(" ")), Optional.of(""), HOUR, CLOCK).enabled()).isFalse();
    }

    @Test
    void shouldRefuseToStartHalfConfiguredNamingTheMissingKeyButNotTheSecret() {
        assertThatThrownBy(() -> new TurnIceServers(Optional.of(URIS), Optional.empty(), HOUR, CLOCK))
                .hasMessageContaining("signaling.turn.shared-secret is not");
        assertThatThrownBy(() -> new TurnIceServers(Optional.empty(), Optional.of("s3cret"), HOUR, CLOCK))
                .hasMessageContaining("signaling.turn.uris is not")
                .message().doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseAUriThatIsNoTurnUriAndALifeTooShortToRenew() {
        assertThatThrownBy(() -> new TurnIceServers(Optional.of(List.of("stun:turn.example.org:3478")), Optional.of("s3cret"), HOUR, CLOCK))
                .hasMessageContaining("stun:turn.example.org:3478");
        assertThatThrownBy(() -> new TurnIceServers(Optional.of(URIS), Optional.of("s3cret"), Duration.ofSeconds(9), CLOCK))
                .hasMessageContaining("signaling.turn.credential-ttl");
    }
}
