package org.telehealth.media.rtcp;

import java.util.Arrays;
import org.telehealth.media.wire.NetworkByteOrder;

/**
 * Packs the status symbols of a transport-cc feedback into 16-bit packet status chunks and unpacks
 * them (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1.2-3.1.4). A chunk is either a run
 * of one symbol, or a vector of 14 one-bit or 7 two-bit symbols, first symbol in the high bits:
 *
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |0| S |   run length (13 bits)  |   run length chunk: S repeated 0 .. 8191 times
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |1|0| 14 x 1-bit symbol         |   1-bit vector: 0 not received, 1 received with a small delta
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |1|1| 7 x 2-bit symbol          |   2-bit vector: any symbol but the reserved 11
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The draft's prose gives the 1-bit symbols the other way round; its own example, and every
 * browser, use 0 for "not received", as here. Only the last chunk may describe more packets than
 * remain; the symbols past the status count are zero when written and ignored when read.
 *
 * <p>{@link #encode} writes the fewest chunks that can carry the symbols: feedback is sent ten
 * times a second per publisher, and a long loss burst costs one run chunk instead of hundreds of
 * vectors.
 */
final class TransportCcStatusChunks {

    static final int LENGTH = 2;

    private static final int VECTOR = 0x8000;
    private static final int TWO_BIT_VECTOR = 0x4000;
    private static final int MAX_RUN_LENGTH = 0x1FFF;
    private static final int ONE_BIT_CAPACITY = 14;
    private static final int TWO_BIT_CAPACITY = 7;

    private static final int RUN = 0;
    private static final int ONE_BIT = 1;
    private static final int TWO_BIT = 2;

    private TransportCcStatusChunks() {
    }

    /**
     * The chunks for {@code symbols}, as few as possible. Working back from the end, each position
     * tries a run chunk, a 1-bit and a 2-bit vector, and keeps whichever leaves the fewest chunks
     * for the rest. A run shorter than the run of equal symbols it starts only pays off when a
     * vector picks up its last 13 or fewer symbols together with what follows, so only those run
     * lengths are tried. On a tie a run chunk wins, then the longer run, then the 1-bit vector.
     */
    static int[] encode(byte[] symbols) {
        int count = symbols.length;
        int[] sameFrom = new int[count + 1];
        int[] nextLarge = new int[count + 1];
        nextLarge[count] = count;
        for (int i = count - 1; i >= 0; i--) {
            sameFrom[i] = i + 1 < count && symbols[i + 1] == symbols[i] ? sameFrom[i + 1] + 1 : 1;
            nextLarge[i] = symbols[i] == TransportCcPacketStatus.SYMBOL_LARGE_DELTA ? i : nextLarge[i + 1];
        }

        int[] chunksFrom = new int[count + 1];
        byte[] kind = new byte[count + 1];
        int[] covered = new int[count + 1];
        for (int i = count - 1; i >= 0; i--) {
            int best = Integer.MAX_VALUE;
            int run = Math.min(sameFrom[i], MAX_RUN_LENGTH);
            for (int length = run; length >= Math.max(1, run - (ONE_BIT_CAPACITY - 1)); length--) {
                if (1 + chunksFrom[i + length] < best) {
                    best = 1 + chunksFrom[i + length];
                    kind[i] = RUN;
                    covered[i] = length;
                }
            }
            int oneBit = Math.min(ONE_BIT_CAPACITY, count - i);
            if (nextLarge[i] >= i + oneBit && 1 + chunksFrom[i + oneBit] < best) {
                best = 1 + chunksFrom[i + oneBit];
                kind[i] = ONE_BIT;
                covered[i] = oneBit;
            }
            int twoBit = Math.min(TWO_BIT_CAPACITY, count - i);
            if (1 + chunksFrom[i + twoBit] < best) {
                best = 1 + chunksFrom[i + twoBit];
                kind[i] = TWO_BIT;
                covered[i] = twoBit;
            }
            chunksFrom[i] = best;
        }

        int[] chunks = new int[chunksFrom[0]];
        for (int i = 0, c = 0; i < count; i += covered[i], c++) {
            chunks[c] = chunk(symbols, i, kind[i], covered[i]);
        }
        return chunks;
    }

    private static int chunk(byte[] symbols, int from, int kind, int length) {
        int chunk;
        switch (kind) {
            case RUN:
                return symbols[from] << 13 | length;
            case ONE_BIT:
                chunk = VECTOR;
                for (int k = 0; k < length; k++) {
                    chunk |= symbols[from + k] << (ONE_BIT_CAPACITY - 1 - k);
                }
                return chunk;
            default:
                chunk = VECTOR | TWO_BIT_VECTOR;
                for (int k = 0; k < length; k++) {
                    chunk |= symbols[from + k] << 2 * (TWO_BIT_CAPACITY - 1 - k);
                }
                return chunk;
        }
    }

    /**
     * Fills {@code symbols} from the chunks that start at {@code position}.
     *
     * @return where the receive deltas start, after the last chunk read
     * @throws MalformedRtcpException if the chunks end before {@code symbols} is full, or carry the
     *         reserved symbol
     */
    static int read(byte[] buffer, int position, int end, byte[] symbols) throws MalformedRtcpException {
        int filled = 0;
        while (filled < symbols.length) {
            if (position + LENGTH > end) {
                throw new MalformedRtcpException("transport-cc feedback ends after " + filled + " of its "
                        + symbols.length + " packet statuses");
            }
            int chunk = NetworkByteOrder.uint16(buffer, position);
            position += LENGTH;
            if ((chunk & VECTOR) == 0) {
                int symbol = requireDefined(chunk >>> 13 & 0b11);
                int length = Math.min(chunk & MAX_RUN_LENGTH, symbols.length - filled);
                Arrays.fill(symbols, filled, filled + length, (byte) symbol);
                filled += length;
            } else if ((chunk & TWO_BIT_VECTOR) == 0) {
                for (int k = 0; k < ONE_BIT_CAPACITY && filled < symbols.length; k++) {
                    symbols[filled++] = (byte) (chunk >>> (ONE_BIT_CAPACITY - 1 - k) & 1);
                }
            } else {
                for (int k = 0; k < TWO_BIT_CAPACITY && filled < symbols.length; k++) {
                    symbols[filled++] = (byte) requireDefined(chunk >>> 2 * (TWO_BIT_CAPACITY - 1 - k) & 0b11);
                }
            }
        }
        return position;
    }

    private static int requireDefined(int symbol) throws MalformedRtcpException {
        if (symbol == TransportCcPacketStatus.SYMBOL_RESERVED) {
            throw new MalformedRtcpException("transport-cc feedback uses the reserved packet status symbol 11");
        }
        return symbol;
    }
}
