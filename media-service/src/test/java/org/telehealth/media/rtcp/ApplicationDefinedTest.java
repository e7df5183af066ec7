package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.telehealth.media.rtp.Hex;

/** RFC 3550 §6.7 APP packets, as the recording fork writes its track descriptions. */
class ApplicationDefinedTest {

    @Test
    void shouldWriteHeaderSsrcNameAndTextPaddedWithSpacesToAWord() {
        ApplicationDefined app = ApplicationDefined.withText(0, 0xCAFE_0001L, "TRCK", "{\"a\":1}");

        assertThat(Hex.of(app.toBytes())).isEqualTo("80cc0004" + "cafe0001" + "5452434b" + "7b2261223a317d20");
        assertThat(app.length()).isEqualTo(20);
    }

    @Test
    void shouldBeSkippedByTheParserInACompoundPacket() throws Exception {
        byte[] bye = new Goodbye(List.of(1L), "").toBytes();
        byte[] app = ApplicationDefined.withText(3, 1, "TRCK", "x").toBytes();
        byte[] compound = java.util.Arrays.copyOf(bye, bye.length + app.length);
        System.arraycopy(app, 0, compound, bye.length, app.length);

        assertThat(RtcpCompoundParser.parse(compound, 0, compound.length)).containsExactly(new Goodbye(List.of(1L), ""));
    }

    @Test
    void shouldRefuseANameOfOtherThanFourPrintableCharactersAndUnalignedData() {
        assertThatThrownBy(() -> ApplicationDefined.withText(0, 1, "TRC", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApplicationDefined.withText(0, 1, "TR K", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApplicationDefined(0, 1, "TRCK", new byte[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApplicationDefined.withText(32, 1, "TRCK", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
