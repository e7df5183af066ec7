package org.telehealth.media.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.telehealth.infra.testing.GcPauses;

/**
 * The packaged SFU with two-participant visits on it, for recording-service's benchmark, which
 * records the visits through the SFU's recording fork and compares what recording costs with what
 * forwarding costs: the same SFU process ({@link SfuProcess}: the JVM options of
 * {@code ./telehealth up}, Kafka pointed nowhere), the same participants (ICE-lite, DTLS, SRTP, a
 * second offer to receive the other) and control API calls as this module's benchmark, behind a
 * small public face. This module's test jar carries it; the {@code benchmark} profile builds that jar.
 * What the participants send is the caller's, through each {@link SfuPublisher}.
 */
public final class SfuVisits implements AutoCloseable {

    private final ChildJvm jvm;
    private final ControlApiClient control;
    private int opened;

    private SfuVisits(ChildJvm jvm, ControlApiClient control) {
        this.jvm = jvm;
        this.control = control;
    }

    /** Starts the packaged SFU ({@code app}), its log and GC log in {@code workDirectory}, and waits until it is live. */
    public static SfuVisits start(Path app, Path workDirectory) throws IOException, InterruptedException {
        SfuProcess.Started sfu = SfuProcess.start(app, BenchmarkSettings.SERVER_JVM_OPTIONS,
                workDirectory.resolve("media-service.log"));
        return new SfuVisits(sfu.jvm(), new ControlApiClient(sfu.baseUrl()));
    }

    /** A visit's room and its two participants, each publishing a microphone and a camera and receiving the other's. */
    public record Visit(String room, List<SfuPublisher> participants) {
    }

    /** Opens {@code count} more visits: a room each, both participants joined, connected and subscribed to each other. */
    public List<Visit> open(int count) throws IOException, InterruptedException {
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int room = opened++;
            List<SfuPublisher> participants = new ArrayList<>();
            for (SyntheticParticipant participant : SfuRooms.connect(control, "visit", room, room + 1, 2,
                    BenchmarkSettings.SOCKET_BUFFER_BYTES)) {
                participants.add(new SfuPublisher(participant));
            }
            visits.add(new Visit("visit-" + room, List.copyOf(participants)));
        }
        return visits;
    }

    /** Forks the visit's media to a recorder (plain RTP and RTCP to {@code recorder}), as recording-service asks the SFU. */
    public void fork(Visit visit, InetSocketAddress recorder) throws IOException, InterruptedException {
        control.fork(visit.room(), recorder.getHostString(), recorder.getPort());
    }

    /** Stops the visit's fork: the recorder gets a BYE per track. */
    public void stopFork(Visit visit) throws IOException, InterruptedException {
        control.stopFork(visit.room());
    }

    public long pid() {
        return jvm.pid();
    }

    /** User plus system CPU time of the SFU's process so far. */
    public double cpuSeconds() {
        return jvm.cpuSeconds();
    }

    public GcPauses gcPauses(Instant from, Instant to) {
        return jvm.gcPauses(from, to);
    }

    /** Fails, naming the SFU's log, if the SFU has exited. */
    public void requireAlive() {
        jvm.requireAlive();
    }

    @Override
    public void close() {
        jvm.close();
    }
}
