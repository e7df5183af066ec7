package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TransportCcStatusChunksTest {

    private static final int LARGE = TransportCcPacketStatus.SYMBOL_LARGE_DELTA;

    @Test
    void shouldWriteAsFewChunksAsAnyValidEncodingOfEveryShortStatusList() throws Exception {
        for (int length = 1; length <= 9; length++) {
            byte[] symbols = new byte[length];
            int lists = (int) Math.pow(3, length);
            for (int list = 0; list < lists; list++) {
                for (int i = 0, rest = list; i < length; i++, rest /= 3) {
                    symbols[i] = (byte) (rest % 3);
                }

                assertEncodesMinimallyAndReadsBack(symbols);
            }
        }
    }

    @Test
    void shouldWriteAsFewChunksAsAnyValidEncodingOfLongRunsAndBursts() throws Exception {
        Random random = new Random(0xC4C);
        for (int round = 0; round < 3_000; round++) {
            int length = 1 + random.nextInt(round % 100 == 0 ? 20_000 : 120);
            byte[] symbols = new byte[length];
            for (int i = 0; i < length;) {
                int run = Math.min(length - i, random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1);
                byte symbol = (byte) (random.nextInt(5) == 0 ? LARGE : random.nextInt(2));
                for (int end = i + run; i < end; i++) {
                    symbols[i] = symbol;
                }
            }

            assertEncodesMinimallyAndReadsBack(symbols);
        }
    }

    @Test
    void shouldWriteAsFewChunksAsAnyValidEncodingAroundTheLongestRunAChunkHolds() throws Exception {
        Random random = new Random(0x1FFF);
        for (int runLength = 8_180; runLength <= 8_210; runLength += 3) {
            byte[] symbols = new byte[3 + runLength + 20];
            for (int i = 0; i < symbols.length; i++) {
                symbols[i] = (byte) (i >= 3 && i < 3 + runLength ? 0 : random.nextInt(3));
            }

            assertEncodesMinimallyAndReadsBack(symbols);
        }
    }

    private static void assertEncodesMinimallyAndReadsBack(byte[] symbols) throws MalformedRtcpException {
        int[] chunks = TransportCcStatusChunks.encode(symbols);

        String described = symbols.length <= 40 ? Arrays.toString(symbols) : symbols.length + " symbols";
        assertThat(chunks.length).as("chunks for %s", described).isEqualTo(fewestChunks(symbols));
        byte[] buffer = new byte[2 * chunks.length];
        for (int i = 0; i < chunks.length; i++) {
            buffer[2 * i] = (byte) (chunks[i] >>> 8);
            buffer[2 * i + 1] = (byte) chunks[i];
        }
        byte[] read = new byte[symbols.length];
        assertThat(TransportCcStatusChunks.read(buffer, 0, buffer.length, read)).isEqualTo(buffer.length);
        assertThat(read).isEqualTo(symbols);
    }

    /**
     * The fewest chunks, found by trying every run length a run chunk can have at every position, as
     * well as both vectors, which hold exactly 14 or 7 symbols unless they are the last chunk.
     */
    private static int fewestChunks(byte[] symbols) {
        int n = symbols.length;
        int[] fewest = new int[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            int best = Integer.MAX_VALUE;
            for (int run = 1; run <= 8191 && i + run <= n && symbols[i + run - 1] == symbols[i]; run++) {
                best = Math.min(best, 1 + fewest[i + run]);
            }
            int oneBit = Math.min(14, n - i);
            boolean small = true;
            for (int k = i; k < i + oneBit; k++) {
                small &= symbols[k] != LARGE;
            }
            if (small) {
                best = Math.min(best, 1 + fewest[i + oneBit]);
            }
            best = Math.min(best, 1 + fewest[i + Math.min(7, n - i)]);
            fewest[i] = best;
        }
        return fewest[0];
    }
}
