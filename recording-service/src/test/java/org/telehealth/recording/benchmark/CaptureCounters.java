package org.telehealth.recording.benchmark;

import java.util.Arrays;

/**
 * What one capture of the recorder JVM counted so far, as it crosses from that JVM to the benchmark
 * on one line of text: the capture's {@code CaptureStats}, its spool file's size, and the CPU time of
 * its thread (receiving, depacketizing, muxing, encrypting and writing all happen there).
 *
 * @param port the capture's UDP port, which names it
 * @param fileBytes the encrypted spool file's size on disk
 * @param cpuNanos CPU time of the capture's thread
 * @param failed 1 if writing failed and the capture stopped early
 */
record CaptureCounters(int port, long datagrams, long framesWritten, long lost, long late, long duplicates,
        long undescribed, long framesBeforeKeyframe, long tracksWritten, long fileBytes, long cpuNanos, long failed) {

    String toLine() {
        return port + " " + datagrams + " " + framesWritten + " " + lost + " " + late + " " + duplicates + " " + undescribed
                + " " + framesBeforeKeyframe + " " + tracksWritten + " " + fileBytes + " " + cpuNanos + " " + failed;
    }

    static CaptureCounters parse(String line) {
        long[] f = Arrays.stream(line.trim().split(" ")).mapToLong(Long::parseLong).toArray();
        if (f.length != 12) {
            throw new IllegalArgumentException("a capture's counters are 12 numbers, got: " + line);
        }
        return new CaptureCounters((int) f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11]);
    }

    /** What happened between {@code earlier} and this (same capture); the track count and failure are this one's. */
    CaptureCounters since(CaptureCounters earlier) {
        if (earlier.port != port) {
            throw new IllegalArgumentException("counters of port " + earlier.port + " are not port " + port + "'s");
        }
        return new CaptureCounters(port, datagrams - earlier.datagrams, framesWritten - earlier.framesWritten,
                lost - earlier.lost, late - earlier.late, duplicates - earlier.duplicates, undescribed - earlier.undescribed,
                framesBeforeKeyframe - earlier.framesBeforeKeyframe, tracksWritten, fileBytes - earlier.fileBytes,
                cpuNanos - earlier.cpuNanos, failed);
    }
}
