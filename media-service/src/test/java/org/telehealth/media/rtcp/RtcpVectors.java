package org.telehealth.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.telehealth.media.rtp.Hex;

/** RTCP packets written by hand from the RFC diagrams, one line per 32-bit word. */
final class RtcpVectors {

    /** A sender report as a browser sends it every second or so: one report block, negative loss. */
    static final byte[] CHROME_SENDER_REPORT = Hex.bytes(
            "81 c8 00 0c", // V=2, RC=1 | PT=200 | length 12: 52 bytes
            "5e f6 a7 b1", // SSRC of sender
            "e8 d3 f2 a1", // NTP timestamp, seconds
            "8b 43 95 81", // NTP timestamp, fraction
            "4a 2b 9c 10", // RTP timestamp
            "00 00 04 d2", // packet count 1234
            "00 0f 12 06", // octet count 987654
            "1a 2b 3c 4d", // report block: SSRC
            "19 ff ff fe", // fraction lost 25/256 | cumulative lost -2 (duplicates)
            "00 01 23 45", // extended highest sequence number: cycle 1, seq 0x2345
            "00 00 00 21", // jitter 33
            "f2 a1 8b 43", // LSR
            "00 01 80 00"); // DLSR 1.5 s

    /** The SDES that follows it: the CNAME, 16 characters as browsers draw them. */
    static final byte[] CHROME_SOURCE_DESCRIPTION = Hex.bytes(
            "81 ca 00 06", // V=2, SC=1 | PT=202 | length 6: 28 bytes
            "5e f6 a7 b1", // chunk: SSRC
            "01 10 58 7a", // CNAME, 16 bytes: "Xz
            "38 2b 4b 71", // 8+Kq
            "57 31 74 59", // W1tY
            "76 33 4c 6d", // v3Lm
            "30 70 00 00"); // 0p" | end of items, padding

    static final byte[] RECEIVER_REPORT = Hex.bytes(
            "81 c9 00 07", // V=2, RC=1 | PT=201 | length 7: 32 bytes
            "00 00 00 01", // SSRC of sender
            "5e f6 a7 b1", // report block: SSRC
            "00 7f ff ff", // fraction lost 0 | cumulative lost 8388607 (the largest)
            "00 00 ff ff", // extended highest sequence number
            "00 00 01 00", // jitter 256
            "00 00 00 00", // no LSR yet
            "00 00 00 00"); // DLSR 0

    /** A NACK for 1000, 1001 and 1003: PID=1000, BLP bits 0 and 2. */
    static final byte[] NACK = Hex.bytes(
            "81 cd 00 03", // V=2, FMT=1 | PT=205 | length 3: 16 bytes
            "00 00 00 01", // SSRC of packet sender
            "1a 2b 3c 4d", // SSRC of media source
            "03 e8 00 05"); // PID 1000 | BLP 0b0000000000000101

    static final byte[] PLI = Hex.bytes(
            "81 ce 00 02", // V=2, FMT=1 | PT=206 | length 2: 12 bytes
            "00 00 00 01", // SSRC of packet sender
            "1a 2b 3c 4d"); // SSRC of media source

    static final byte[] FIR = Hex.bytes(
            "84 ce 00 06", // V=2, FMT=4 | PT=206 | length 6: 28 bytes
            "00 00 00 01", // SSRC of packet sender
            "00 00 00 00", // SSRC of media source: unused
            "11 11 11 11", // entry 1: SSRC
            "07 00 00 00", // seq nr 7 | reserved
            "22 22 22 22", // entry 2: SSRC
            "ff 00 00 00"); // seq nr 255 | reserved

    /** A REMB of 1,000,000 bit/s: mantissa 250000 x 2^2. */
    static final byte[] REMB = Hex.bytes(
            "8f ce 00 05", // V=2, FMT=15 | PT=206 | length 5: 24 bytes
            "00 00 00 01", // SSRC of packet sender
            "00 00 00 00", // SSRC of media source: unused
            "52 45 4d 42", // "REMB"
            "01 0b d0 90", // 1 SSRC | exponent 2 (000010) | mantissa 250000 (11 1101 0000 1001 0000)
            "1a 2b 3c 4d"); // SSRC

    static final byte[] BYE = Hex.bytes(
            "81 cb 00 04", // V=2, SC=1 | PT=203 | length 4: 20 bytes
            "5e f6 a7 b1", // SSRC
            "09 6c 65 66", // reason, 9 bytes: "lef
            "74 20 63 61", // t ca
            "6c 6c 00 00"); // ll" | padding

    /** An APP packet, which the SFU has no use for. */
    static final byte[] APPLICATION_DEFINED = Hex.bytes(
            "80 cc 00 03", // V=2, subtype 0 | PT=204 | length 3
            "00 00 00 01", // SSRC
            "71 77 65 72", // name "qwer"
            "de ad be ef"); // data

    /** A transport-cc feedback (RTPFB, FMT=15): packet 1 arrived 65.25 ms into the receiver's clock, 2 not. */
    static final byte[] TRANSPORT_CC = Hex.bytes(
            "8f cd 00 05", // V=2, FMT=15 | PT=205 | length 5: 24 bytes
            "00 00 00 01", // SSRC of packet sender
            "1a 2b 3c 4d", // SSRC of media source
            "00 01 00 02", // base sequence number 1 | packet status count 2
            "00 00 01 00", // reference time 1: 64 ms | feedback packet count 0
            "a0 00 05 00"); // 1-bit vector 1|0|10000000000000: received, not received | delta 5: 1.25 ms | padding

    /**
     * A transport-cc feedback that opens with the draft's run length example (221 packets not
     * received), then one packet received 63.75 ms after a negative reference time.
     */
    static final byte[] TRANSPORT_CC_LOSS_RUN = Hex.bytes(
            "8f cd 00 06", // V=2, FMT=15 | PT=205 | length 6: 28 bytes
            "00 00 00 01", // SSRC of packet sender
            "1a 2b 3c 4d", // SSRC of media source
            "03 e8 00 de", // base sequence number 1000 | packet status count 222
            "ff ff fe 07", // reference time -2: -128 ms | feedback packet count 7
            "00 dd 20 01", // run 0|00|0000011011101: 221 x not received | run 0|01|0000000000001: 1 x small delta
            "ff 00 00 00"); // delta 255: 63.75 ms | padding

    /**
     * A transport-cc feedback across the sequence number wrap (65530 .. 65535, 0 .. 11): the
     * draft's 1-bit vector example, then a 2-bit vector with a large, a lost, a negative and a
     * small delta.
     */
    static final byte[] TRANSPORT_CC_VECTORS = Hex.bytes(
            "8f cd 00 09", // V=2, FMT=15 | PT=205 | length 9: 40 bytes
            "00 00 00 01", // SSRC of packet sender
            "1a 2b 3c 4d", // SSRC of media source
            "ff fa 00 12", // base sequence number 65530 | packet status count 18
            "00 01 00 ff", // reference time 256: 16.384 s | feedback packet count 255
            "9f 1c e2 40", // 1|0|0 11111 000 111 00: 1 lost, 5 received, 3 lost, 3 received, 2 lost
                           // | 1|1|10 00 10 01 00 00 00: large, lost, large, small (3 unused)
            "01 02 03 04", // small deltas of the eight received in the 1-bit vector: 0.25 .. 2 ms
            "05 06 07 08",
            "20 00 ff fc", // large delta 8192: 2.048 s | large delta -4: -1 ms
            "00 00 00 00"); // small delta 0 | padding

    private RtcpVectors() {
    }

    /** The one packet {@code bytes} hold, parsed. */
    static RtcpPacket parseOne(byte[] bytes) throws MalformedRtcpException {
        List<RtcpPacket> packets = RtcpCompoundParser.parse(bytes, 0, bytes.length);
        assertThat(packets).hasSize(1);
        return packets.get(0);
    }

    static byte[] concat(byte[]... packets) {
        int length = 0;
        for (byte[] packet : packets) {
            length += packet.length;
        }
        byte[] compound = new byte[length];
        int offset = 0;
        for (byte[] packet : packets) {
            System.arraycopy(packet, 0, compound, offset, packet.length);
            offset += packet.length;
        }
        return compound;
    }
}
