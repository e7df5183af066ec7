package org.telehealth.media.stun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The small value types of the codec: message type bits, transaction ids, error codes. */
class StunMessageTypeTest {

    @Test
    void shouldNumberTheBindingMessagesAsTheRfcDoes() {
        assertThat(StunMessageType.BINDING_REQUEST.toBits()).isEqualTo(0x0001);
        assertThat(StunMessageType.BINDING_INDICATION.toBits()).isEqualTo(0x0011);
        assertThat(StunMessageType.BINDING_SUCCESS_RESPONSE.toBits()).isEqualTo(0x0101);
        assertThat(StunMessageType.BINDING_ERROR_RESPONSE.toBits()).isEqualTo(0x0111);
    }

    @Test
    void shouldSpreadTheMethodBitsAroundTheClassBits() {
        StunMessageType allMethodBits = new StunMessageType(0xFFF, StunMessageClass.REQUEST);
        StunMessageType allClassBits = new StunMessageType(0, StunMessageClass.ERROR_RESPONSE);

        assertThat(allMethodBits.toBits()).isEqualTo(0x3EEF);
        assertThat(allClassBits.toBits()).isEqualTo(0x0110);
    }

    @Test
    void shouldReadBackEveryMethodInEveryClass() {
        for (int method = 0; method <= 0xFFF; method++) {
            for (StunMessageClass messageClass : StunMessageClass.values()) {
                StunMessageType type = new StunMessageType(method, messageClass);

                assertThat(StunMessageType.fromBits(type.toBits())).isEqualTo(type);
            }
        }
    }

    @Test
    void shouldRefuseAMethodWiderThanTwelveBitsOrNoClass() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StunMessageType(0x1000, StunMessageClass.REQUEST));
        assertThatIllegalArgumentException().isThrownBy(() -> new StunMessageType(-1, StunMessageClass.REQUEST));
        assertThatIllegalArgumentException().isThrownBy(() -> new StunMessageType(1, null));
    }

    @Test
    void shouldPrintATransactionIdAsTwentyFourHexDigits() {
        assertThat(new TransactionId(0x00000000000000FFL, 0x0000000A)).hasToString("00000000000000ff0000000a");
        assertThat(Rfc5769.TRANSACTION_ID).hasToString("b7e7a701bc34d686fa87dfae");
    }

    @Test
    void shouldRefuseErrorCodesOutsideTheRfcRangeAndOverlongReasons() {
        assertThatIllegalArgumentException().isThrownBy(() -> new StunErrorCode(299, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new StunErrorCode(700, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new StunErrorCode(400, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new StunErrorCode(400, "é".repeat(382)));
        assertThat(new StunErrorCode(400, "é".repeat(381)).reasonPhrase()).hasSize(381);
    }

    @Test
    void shouldCallAttributesByTheirRfcNames() {
        assertThat(StunAttributeType.XOR_MAPPED_ADDRESS).hasToString("XOR-MAPPED-ADDRESS");
        assertThat(StunAttributeType.isComprehensionRequired(0x7FFF)).isTrue();
        assertThat(StunAttributeType.isComprehensionRequired(0x8000)).isFalse();
    }
}
