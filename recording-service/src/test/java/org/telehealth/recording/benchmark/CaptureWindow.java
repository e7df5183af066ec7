package org.telehealth.recording.benchmark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the recorder's captures did during a measured window, added up over them: from their
 * counters at the window's start and end, and the kernel's table of their sockets (drops during the
 * window, bytes left unread at its end).
 *
 * @param captures captures running through the window
 * @param framesWritten frames into the files, all captures
 * @param fewestFramesWritten the frames of the capture that wrote fewest (one starving capture shows here)
 * @param lostOrLate packets the jitter buffers gave up or got after giving them up
 * @param socketDrops datagrams the kernel dropped at the captures' sockets (receive buffer full)
 * @param largestBacklogBytes the most bytes waiting unread in one capture's socket at the window's end
 * @param failed captures whose writing failed
 * @param fileBytes bytes the spool files grew by (encrypted, on disk)
 * @param captureThreadNanos CPU time of the captures' threads
 */
record CaptureWindow(int captures, long datagrams, long framesWritten, long fewestFramesWritten, long lostOrLate,
        long socketDrops, long largestBacklogBytes, long failed, long fileBytes, long captureThreadNanos) {

    static CaptureWindow between(List<CaptureCounters> before, List<CaptureCounters> after,
            Map<Integer, UdpSocketTable.Socket> socketsBefore, Map<Integer, UdpSocketTable.Socket> socketsAfter) {
        Map<Integer, CaptureCounters> earlier = new HashMap<>();
        before.forEach(counters -> earlier.put(counters.port(), counters));
        long datagrams = 0;
        long frames = 0;
        long fewest = Long.MAX_VALUE;
        long lostOrLate = 0;
        long drops = 0;
        long backlog = 0;
        long failed = 0;
        long bytes = 0;
        long cpu = 0;
        for (CaptureCounters end : after) {
            CaptureCounters start = earlier.get(end.port());
            if (start == null) {
                throw new IllegalArgumentException("capture on port " + end.port() + " started during the window");
            }
            CaptureCounters window = end.since(start);
            datagrams += window.datagrams();
            frames += window.framesWritten();
            fewest = Math.min(fewest, window.framesWritten());
            lostOrLate += window.lost() + window.late();
            failed += window.failed();
            bytes += window.fileBytes();
            cpu += window.cpuNanos();
            UdpSocketTable.Socket socketStart = socketsBefore.get(end.port());
            UdpSocketTable.Socket socketEnd = socketsAfter.get(end.port());
            if (socketEnd != null) {
                drops += socketEnd.drops() - (socketStart == null ? 0 : socketStart.drops());
                backlog = Math.max(backlog, socketEnd.queuedBytes());
            }
        }
        return new CaptureWindow(after.size(), datagrams, frames, after.isEmpty() ? 0 : fewest, lostOrLate, drops, backlog,
                failed, bytes, cpu);
    }
}
