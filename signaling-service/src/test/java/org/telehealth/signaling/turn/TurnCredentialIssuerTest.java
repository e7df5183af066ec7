package org.telehealth.signaling.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TurnCredentialIssuerTest {

    private static final String SECRET = "turn-shared-secret-for-tests";
    private static final String PARTICIPANT = "0b9f3c4e-5a6d-4e7f-8a9b-0c1d2e3f4a5b";
    /** 2026-01-01T00:00:00Z less one hour: with a one-hour life the credential expires at 1767225600. */
    private static final Instant NOW = Instant.parse("2025-12-31T23:00:00.750Z");

    private final TurnCredentialIssuer issuer = new TurnCredentialIssuer(SECRET, Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSignTheExpiryAndParticipantAsCoturnChecksIt() {
        TurnCredential credential = issuer.issue(PARTICIPANT);

        assertThat(credential.username()).isEqualTo("1767225600:" + PARTICIPANT);
        // computed independently:
        //   printf '%s' '1767225600:0b9f3c4e-5a6d-4e7f-8a9b-0c1d2e3f4a5b' \
        //     | openssl dgst -sha1 -hmac 'turn-shared-secret-for-tests' -binary | base64
        assertThat(credential.password()).isEqualTo("JPlVQnEiiD9L7vj7+lSwy+z8IW8=");
        assertThat(credential.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void shouldNameEachParticipantAndSignWithTheSecretGiven() {
        TurnCredential other = issuer.issue("guest-7");
        TurnCredential otherSecret = new TurnCredentialIssuer(SECRET + "x", Duration.ofHours(1), Clock.fixed(NOW, ZoneOffset.UTC))
                .issue(PARTICIPANT);

        assertThat(other.username()).isEqualTo("1767225600:guest-7");
        assertThat(other.password()).isNotEqualTo(issuer.issue(PARTICIPANT).password());
        assertThat(otherSecret.password()).isNotEqualTo(issuer.issue(PARTICIPANT).password());
    }

    @Test
    void shouldCountTheLifeFromTheMomentOfIssue() {
        Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(30)), ZoneOffset.UTC);

        TurnCredential credential = new TurnCredentialIssuer(SECRET, Duration.ofMinutes(10), later).issue(PARTICIPANT);

        assertThat(credential.username()).isEqualTo((1767225600L - 3600 + 1800 + 600) + ":" + PARTICIPANT);
    }

    @Test
    void shouldKeepTheSecretAndThePasswordOutOfTheirTextForms() {
        TurnCredential credential = issuer.issue(PARTICIPANT);

        assertThat(credential.toString()).contains(credential.username()).doesNotContain(credential.password());
        assertThat(issuer.toString()).doesNotContain(SECRET);
    }

    @Test
    void shouldRefuseAnEmptySecretAnEmptyParticipantAndALifeUnderASecond() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new TurnCredentialIssuer(" ", Duration.ofHours(1), clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TurnCredentialIssuer(SECRET, Duration.ofMillis(999), clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issuer.issue("")).isInstanceOf(IllegalArgumentException.class);
    }
}
