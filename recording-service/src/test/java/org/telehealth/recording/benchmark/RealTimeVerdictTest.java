package org.telehealth.recording.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealTimeVerdictTest {

    private static final long SENT = 2 * 150 * 6; // two visits, 150 frames a second each, 6 s

    @Test
    void shouldCallAWindowRealTimeWhenEveryRecordingWroteWhatWasSentAndNothingWasLostOrLeftUnread() {
        RealTimeVerdict verdict = RealTimeVerdict.judge(window(1795, 897, 0, 0, 4096), SENT);

        assertThat(verdict.sustained()).as(verdict.toString()).isTrue();
        assertThat(verdict).hasToString("yes");
    }

    @Test
    void shouldSayWhyAWindowWasNotRealTime() {
        assertThat(RealTimeVerdict.judge(window(1500, 700, 0, 0, 0), SENT).failures())
                .containsExactly("wrote 83.3% of the frames sent");
        assertThat(RealTimeVerdict.judge(window(1780, 850, 0, 0, 0), SENT).failures())
                .as("in all enough, but one recording behind").containsExactly("one recording wrote 94.4% of its frames");
        assertThat(RealTimeVerdict.judge(window(1800, 900, 3, 0, 0), SENT).failures()).containsExactly("3 packets lost or late");
        assertThat(RealTimeVerdict.judge(window(1800, 900, 0, 12, 0), SENT).failures())
                .containsExactly("12 datagrams dropped at the recorders' sockets");
        assertThat(RealTimeVerdict.judge(window(1800, 900, 0, 0, 300 * 1024), SENT).failures())
                .containsExactly("300 KiB left unread in a recorder's socket");
        assertThat(RealTimeVerdict.judge(window(1800, 900, 0, 0, 0), 0).sustained()).isFalse();
    }

    @Test
    void shouldAddUpTheCapturesCountersOverAWindowFromTheirStartAndEnd() {
        List<CaptureCounters> before = List.of(new CaptureCounters(40000, 100, 10, 0, 0, 0, 0, 5, 4, 5_000, 1_000, 0),
                new CaptureCounters(40001, 200, 20, 1, 0, 0, 0, 5, 4, 6_000, 2_000, 0));
        List<CaptureCounters> after = List.of(new CaptureCounters(40000, 1_100, 910, 0, 0, 0, 0, 5, 4, 105_000, 51_000, 0),
                new CaptureCounters(40001, 1_000, 820, 3, 1, 0, 0, 5, 4, 86_000, 42_000, 1));
        Map<Integer, UdpSocketTable.Socket> socketsBefore = Map.of(40000, new UdpSocketTable.Socket(0, 2),
                40001, new UdpSocketTable.Socket(0, 0));
        Map<Integer, UdpSocketTable.Socket> socketsAfter = Map.of(40000, new UdpSocketTable.Socket(768, 2),
                40001, new UdpSocketTable.Socket(5_000, 7));

        CaptureWindow window = CaptureWindow.between(before, after, socketsBefore, socketsAfter);

        assertThat(window).isEqualTo(new CaptureWindow(2, 1_800, 1_700, 800, 3, 7, 5_000, 1, 180_000, 90_000));
    }

    private static CaptureWindow window(long written, long fewest, long lostOrLate, long drops, long backlog) {
        return new CaptureWindow(2, 3 * written, written, fewest, lostOrLate, drops, backlog, 0, 1_000_000, 1_000_000);
    }
}
