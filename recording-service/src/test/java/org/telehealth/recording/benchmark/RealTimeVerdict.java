package org.telehealth.recording.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the recorder kept up with real time through a measured window, and if not, why. It kept
 * up when all of these hold:
 *
 * <ul>
 *   <li>the files got at least {@value #MIN_WRITTEN_SHARE} of the frames the participants sent in
 *       the window, in all and in every single recording (a window's edges cut a frame or two: the
 *       recorder writes each frame a second after it came, once the other tracks' earlier frames are
 *       in);
 *   <li>no packet was given up as lost or came too late for its frame;
 *   <li>the kernel dropped nothing at the recorders' sockets;
 *   <li>no socket ended the window with more than {@value #MAX_BACKLOG_BYTES} bytes unread (about a
 *       second of a visit's media: a recorder that far behind is not real time, even before it drops);
 *   <li>no recording failed writing.
 * </ul>
 */
record RealTimeVerdict(List<String> failures) {

    static final double MIN_WRITTEN_SHARE = 0.98;
    static final long MAX_BACKLOG_BYTES = 256 * 1024;

    RealTimeVerdict {
        failures = List.copyOf(failures);
    }

    /** @param framesSent frames the recorded visits' participants sent in the window, all recordings */
    static RealTimeVerdict judge(CaptureWindow window, long framesSent) {
        List<String> failures = new ArrayList<>();
        if (window.captures() == 0 || framesSent == 0) {
            failures.add("nothing was recorded");
            return new RealTimeVerdict(failures);
        }
        double written = (double) window.framesWritten() / framesSent;
        if (written < MIN_WRITTEN_SHARE) {
            failures.add(String.format(Locale.ROOT, "wrote %.1f%% of the frames sent", 100 * written));
        }
        double fewest = (double) window.fewestFramesWritten() * window.captures() / framesSent;
        if (written >= MIN_WRITTEN_SHARE && fewest < MIN_WRITTEN_SHARE) {
            failures.add(String.format(Locale.ROOT, "one recording wrote %.1f%% of its frames", 100 * fewest));
        }
        if (window.lostOrLate() > 0) {
            failures.add(window.lostOrLate() + " packets lost or late");
        }
        if (window.socketDrops() > 0) {
            failures.add(window.socketDrops() + " datagrams dropped at the recorders' sockets");
        }
        if (window.largestBacklogBytes() > MAX_BACKLOG_BYTES) {
            failures.add(window.largestBacklogBytes() / 1024 + " KiB left unread in a recorder's socket");
        }
        if (window.failed() > 0) {
            failures.add(window.failed() + " recordings failed writing");
        }
        return new RealTimeVerdict(failures);
    }

    boolean sustained() {
        return failures.isEmpty();
    }

    @Override
    public String toString() {
        return sustained() ? "yes" : "no: " + String.join("; ", failures);
    }
}
