package org.telehealth.recording.webm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** EBML's variable-length sizes and elements (RFC 8794 §4). */
class EbmlBufferTest {

    private static byte[] size(long size) {
        return new EbmlBuffer().size(size).toByteArray();
    }

    @Test
    void shouldWriteSizesInTheFewestBytesWithTheirLengthMarker() {
        assertThat(size(0)).containsExactly(0x80);
        assertThat(size(126)).containsExactly(0xFE);
        assertThat(size(127)).as("all ones is reserved in one byte").containsExactly(0x40, 0x7F);
        assertThat(size(16_382)).containsExactly(0x7F, 0xFE);
        assertThat(size(16_383)).containsExactly(0x20, 0x3F, 0xFF);
    }

    @Test
    void shouldWriteAFixedLengthAndTheUnknownSize() {
        assertThat(new EbmlBuffer().size(5, 8).toByteArray()).containsExactly(0x01, 0, 0, 0, 0, 0, 0, 5);
        assertThat(new EbmlBuffer().size(EbmlBuffer.UNKNOWN_SIZE, 8).toByteArray())
                .containsExactly(0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF);
        assertThatThrownBy(() -> new EbmlBuffer().size(127, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldWriteElementsWithTheirIdsAsTheSpecSpellsThem() {
        assertThat(new EbmlBuffer().uint(0xD7, 1).toByteArray()).containsExactly(0xD7, 0x81, 0x01);
        assertThat(new EbmlBuffer().uint(0x2AD7B1, 1_000_000).toByteArray())
                .containsExactly(0x2A, 0xD7, 0xB1, 0x83, 0x0F, 0x42, 0x40);
        assertThat(new EbmlBuffer().uint(0xE7, 0).toByteArray()).containsExactly(0xE7, 0x81, 0x00);
        assertThat(new EbmlBuffer().string(0x86, "V_VP8").toByteArray()).containsExactly(0x86, 0x85, 'V', '_', 'V', 'P', '8');
        assertThat(new EbmlBuffer().floatValue(0x4489, 1.5).toByteArray())
                .containsExactly(0x44, 0x89, 0x88, 0x3F, 0xF8, 0, 0, 0, 0, 0, 0);
        assertThat(new EbmlBuffer().master(0xE0, video -> video.uint(0xB0, 320)).toByteArray())
                .containsExactly(0xE0, 0x84, 0xB0, 0x82, 0x01, 0x40);
    }

    @Test
    void shouldFillExactlyTheLengthAskedWithAVoidElement() {
        for (int length : new int[] {2, 9, 127, 128, 129, 4096}) {
            byte[] element = new EbmlBuffer().voidElement(length).toByteArray();
            assertThat(element).as("Void of %d", length).hasSize(length);
            assertThat(element[0] & 0xFF).isEqualTo(EbmlBuffer.VOID);
        }
        assertThatThrownBy(() -> new EbmlBuffer().voidElement(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
