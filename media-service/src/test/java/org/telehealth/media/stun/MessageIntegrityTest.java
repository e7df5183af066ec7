package org.telehealth.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** MESSAGE-INTEGRITY and FINGERPRINT notice every change to the bytes they protect. */
class MessageIntegrityTest {

    private final StunMessageDecoder decoder = new StunMessageDecoder();
    private final MessageIntegrity integrity = new MessageIntegrity(Rfc5769.PASSWORD);

    @Test
    void shouldRefuseEverySingleByteChangeToTheSampleRequest() {
        assertEverySingleByteChangeIsCaught(Rfc5769.sampleRequest(), true);
    }

    @Test
    void shouldRefuseEverySingleByteChangeToARequestWithoutFingerprint() {
        byte[] request = new StunMessageEncoder(StunMessageType.BINDING_REQUEST, Rfc5769.TRANSACTION_ID)
                .username("abcd:efgh")
                .priority(12345)
                .useCandidate()
                .messageIntegrity(integrity)
                .toByteArray();

        assertEverySingleByteChangeIsCaught(request, false);
    }

    @Test
    void shouldRefuseAnEmptyPassword() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageIntegrity(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageIntegrity(null));
    }

    /**
     * Flips every byte through all 255 other values: the result is either rejected by the decoder
     * or fails MESSAGE-INTEGRITY or FINGERPRINT (the latter only guards its own 4 bytes when
     * MESSAGE-INTEGRITY comes first).
     */
    private void assertEverySingleByteChangeIsCaught(byte[] original, boolean checkFingerprint) {
        assertThat(verifies(original, checkFingerprint)).as("the untouched message").isTrue();
        int changes = 0;
        for (int at = 0; at < original.length; at++) {
            for (int flip = 1; flip <= 0xFF; flip++) {
                byte[] changed = original.clone();
                changed[at] ^= (byte) flip;

                assertThat(verifies(changed, checkFingerprint))
                        .as("byte %d XOR 0x%02x", at, flip)
                        .isFalse();
                changes++;
            }
        }
        assertThat(changes).isEqualTo(original.length * 255);
    }

    private boolean verifies(byte[] datagram, boolean checkFingerprint) {
        try {
            StunMessage message = decoder.decode(datagram, 0, datagram.length);
            return message.integrityMatches(integrity) && (!checkFingerprint || message.fingerprintMatches());
        } catch (MalformedStunException e) {
            return false;
        }
    }
}
