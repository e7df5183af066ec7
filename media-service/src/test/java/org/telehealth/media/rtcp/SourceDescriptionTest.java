package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.media.rtcp.RtcpVectors.parseOne;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telehealth.media.rtp.Hex;

class SourceDescriptionTest {

    @Test
    void shouldReadTheCnameOfABrowser() throws Exception {
        SourceDescription description = (SourceDescription) parseOne(RtcpVectors.CHROME_SOURCE_DESCRIPTION);

        assertThat(description.chunks()).containsExactly(
                new SdesChunk(0x5EF6A7B1L, List.of(new SdesItem(SdesItem.CNAME, "Xz8+KqW1tYv3Lm0p"))));
        assertThat(description.cnameOf(0x5EF6A7B1L)).contains("Xz8+KqW1tYv3Lm0p");
        assertThat(description.cnameOf(1)).isEmpty();
    }

    @Test
    void shouldWriteTheSameBytesAsTheBrowser() {
        SourceDescription description = SourceDescription.cname(0x5EF6A7B1L, "Xz8+KqW1tYv3Lm0p");

        assertThat(description.toBytes()).isEqualTo(RtcpVectors.CHROME_SOURCE_DESCRIPTION);
    }

    @Test
    void shouldReadAndWriteSeveralChunksAndItemsWithTheirPadding() throws Exception {
        byte[] bytes = Hex.bytes(
                "82 ca 00 07", // SC=2 | PT=202 | length 7: 32 bytes
                "00 00 00 01", // chunk 1: SSRC 1
                "01 01 61 06", // CNAME "a" | TOOL ...
                "03 77 65 62", // ... "web"
                "00 00 00 00", // end of items: the item list ended on a word boundary, so a whole word of zeros
                "00 00 00 02", // chunk 2: SSRC 2
                "02 02 c3 a9", // NAME "é" (UTF-8)
                "00 00 00 00"); // end of items, padding
        SourceDescription description = new SourceDescription(List.of(
                new SdesChunk(1, List.of(SdesItem.cname("a"), new SdesItem(SdesItem.TOOL, "web"))),
                new SdesChunk(2, List.of(new SdesItem(SdesItem.NAME, "\u00e9")))));

        assertThat(parseOne(bytes)).isEqualTo(description);
        assertThat(description.toBytes()).isEqualTo(bytes);
    }

    @Test
    void shouldReadAndWriteAChunkWithoutItems() throws Exception {
        byte[] bytes = Hex.bytes("81 ca 00 02", "00 00 00 09", "00 00 00 00");
        SourceDescription description = new SourceDescription(List.of(new SdesChunk(9, List.of())));

        assertThat(parseOne(bytes)).isEqualTo(description);
        assertThat(description.toBytes()).isEqualTo(bytes);
    }

    @Test
    void shouldRefuseItemsItCannotWrite() {
        assertThatThrownBy(() -> SdesItem.cname("x".repeat(256)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("256 bytes");
        assertThatThrownBy(() -> new SdesItem(0, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fewer chunks than counted|82 ca 00 02 00 00 00 01 00 00 00 00"
                + "|SDES counts 2 chunks but the packet ends after 1",
        "item past the end|81 ca 00 02 00 00 00 01 01 08 61 62|SDES item of type 1 and 8 bytes runs past the end",
        "no end of items|81 ca 00 02 00 00 00 01 01 02 61 62|without the zero byte that ends its items",
        "no length byte|81 ca 00 02 00 00 00 01 01 01 61 01|SDES item of type 1 has no length byte",
        "text not UTF-8|81 ca 00 02 00 00 00 01 01 01 ff 00|SDES item of type 1 is not valid UTF-8",
        "padding cut by P bit|a1 ca 00 03 00 00 00 01 01 02 61 62 00 00 00 03|padding of the SDES chunk of SSRC 1",
    })
    void shouldRejectAMalformedSourceDescription(String variant, String hex, String message) {
        byte[] bytes = Hex.bytes(hex);

        assertThatThrownBy(() -> RtcpCompoundParser.parse(bytes, 0, bytes.length))
                .isInstanceOf(MalformedRtcpException.class)
                .hasMessageContaining(message);
    }
}
