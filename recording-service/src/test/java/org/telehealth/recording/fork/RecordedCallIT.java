package org.telehealth.recording.fork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.telehealth.recording.testsupport.RecordingOutcomes.has;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.telehealth.events.recording.ConsentDecision;
import org.telehealth.events.recording.ExpectedParticipant;
import org.telehealth.events.recording.RecordingCompleted;
import org.telehealth.events.recording.RecordingEvent;
import org.telehealth.events.recording.RecordingStarted;
import org.telehealth.events.recording.RecordingStopRequested;
import org.telehealth.events.visit.ParticipantRole;
import org.telehealth.infra.testing.ChromiumBrowser;
import org.telehealth.infra.testing.ClientCredentialsTestResource;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.capture.MediaFixture;
import org.telehealth.recording.capture.Probe;
import org.telehealth.recording.testsupport.MediaServiceTestResource;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;
import org.telehealth.recording.testsupport.RecordingOutcomes;
import org.telehealth.recording.testsupport.Signaling;

/**
 * A real call recorded end to end: Chromium publishes its (fake) camera and microphone through the
 * real media-service (its packaged app; the test plays signaling's part on its control API), the
 * recording is asked for and consented to on the real Kafka as signaling does, captured through
 * media-service's fork by the real capture side (its own service token by client credentials),
 * stopped 8 s after the fork started, and then fetched through the API by the doctor in byte ranges:
 * ffprobe finds the camera and the microphone and a duration within 10 % of the time media-service
 * forked the call, and a picture from its middle is not blank.
 */
@QuarkusTest
@TestProfile(RecordedCallIT.RealCapture.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
@WithTestResource(value = ClientCredentialsTestResource.class, initArgs = @ResourceArg(name = "client-id", value = "recording-service"))
@WithTestResource(MediaServiceTestResource.class)
class RecordedCallIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration RECORDED = Duration.ofSeconds(8);
    private static final int RANGE_BYTES = 256 * 1024;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** The real capture side instead of the tests' stand-in (FakeCaptureStarter). */
    public static class RealCapture implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("recording.test.real-capture", "true");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/q/health/live")
    URL page;

    @TestHTTPResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final UUID visit = UUID.randomUUID();
    private final UUID recording = UUID.randomUUID();
    private final String doctorUser = "doctor." + UUID.randomUUID();
    private final String doctor = TestTokens.subjectOf(doctorUser);
    private final String patient = UUID.randomUUID().toString();
    private final String signalingToken = TestTokens.forUser("service-account-signaling-service", "service");

    @Test
    void shouldRecordACallPublishedFromTheBrowserAndServeItToTheDoctor() throws Exception {
        assumeTrue(ChromiumBrowser.available(), "chromium and chromedriver are not installed");
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        RecordingCompleted completed;
        long recordedMillis;
        try (ChromiumBrowser chromium = ChromiumBrowser.start(); Signaling signaling = new Signaling(bootstrap);
                RecordingOutcomes outcomes = new RecordingOutcomes(bootstrap)) {
            publishFromTheBrowser(chromium);

            signaling.request(recording, visit, doctor, List.of(new ExpectedParticipant(doctor, ParticipantRole.DOCTOR, doctor),
                    new ExpectedParticipant(patient, ParticipantRole.PATIENT, null)), MediaServiceTestResource.baseUrl());
            signaling.consent(recording, visit, doctor, ParticipantRole.DOCTOR, ConsentDecision.ACCEPTED);
            signaling.consent(recording, visit, patient, ParticipantRole.PATIENT, ConsentDecision.ACCEPTED);
            long forkStarted = awaitFork(200);
            outcomes.await(recording, has(RecordingStarted.class), WAIT);
            Thread.sleep(Math.max(0, RECORDED.toMillis() - (System.nanoTime() - forkStarted) / 1_000_000));
            signaling.stop(recording, visit, doctor, RecordingStopRequested.DOCTOR_STOPPED);
            long forkStopped = awaitFork(404);
            recordedMillis = (forkStopped - forkStarted) / 1_000_000;

            List<RecordingEvent> events = outcomes.await(recording, has(RecordingCompleted.class), WAIT);
            completed = (RecordingCompleted) events.stream().filter(RecordingCompleted.class::isInstance).findFirst().orElseThrow();
        } finally {
            mediaService("DELETE", "/api/rooms/" + visit, null);
        }
        assertThat(completed.partial()).isFalse();
        assertThat(completed.durationMillis()).as("recorded from consent to stop, about the time the fork ran")
                .isBetween(recordedMillis - 1000, recordedMillis + 5000);

        String token = TestTokens.forUser(doctorUser, "doctor");
        JsonNode listed = json.readTree(api(token, "/api/visits/" + visit + "/recordings").body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(recording.toString());
        assertThat(listed.get(0).path("status").asText()).isEqualTo("completed");
        Path video = RecordingFilesTestResource.base().resolve("recorded-call-" + recording + ".webm");
        Files.write(video, fetchInRanges(token, listed.get(0).path("mediaBytes").asLong()));

        double recorded = recordedMillis / 1000.0;
        JsonNode probe = Probe.streams(video);
        System.out.println("media-service forked the call for " + recorded + " s (recording " + completed.durationMillis()
                + " ms from consent to stop): " + probe.path("format"));
        assertThat(Probe.codecs(probe)).containsExactlyInAnyOrder("vp8", "opus");
        assertThat(probe.path("format").path("duration").asDouble()).as("the file's duration against the time recorded")
                .isCloseTo(recorded, within(recorded * 0.1));
        List<Double> frames = Probe.decodedFrameTimes(video, "v:0");
        assertThat(frames.size()).as("video frames decoded").isGreaterThan((int) (recorded * 10));
        byte[] picture = Probe.grayFrame(video, recorded / 2, 160, 120);
        assertThat(Probe.variance(picture)).as("pixel variance of the fake camera's picture").isGreaterThan(100);
    }

    /**
     * Polls media-service every 20 ms until the visit's fork answers {@code status} (200: it forks, 404: no
     * longer), and returns when that was seen: the time the recording's media starts or ends.
     */
    private long awaitFork(int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (mediaService("GET", "/api/rooms/" + visit + "/recording", null).statusCode() != status) {
            assertThat(System.nanoTime()).as("the fork answers %d", status).isLessThan(deadline);
            Thread.sleep(20);
        }
        return System.nanoTime();
    }

    /** Plays signaling's part: the doctor's media room and participant, Chromium's offer, media-service's answer. */
    private void publishFromTheBrowser(ChromiumBrowser chromium) throws Exception {
        chromium.open(page.toString());
        String offer = chromium.executeAsync(WAIT, """
                const done = arguments[arguments.length - 1];
                (async () => {
                  const stream = await navigator.mediaDevices.getUserMedia({audio: true, video: {width: 640, height: 480}});
                  const pc = new RTCPeerConnection({bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require'});
                  for (const track of stream.getTracks()) {
                    pc.addTransceiver(track, {direction: 'sendonly', streams: [stream]});
                  }
                  window.publisher = pc;
                  await pc.setLocalDescription(await pc.createOffer());
                  await new Promise(resolve => {
                    if (pc.iceGatheringState === 'complete') { resolve(); return; }
                    pc.addEventListener('icegatheringstatechange', () => pc.iceGatheringState === 'complete' && resolve());
                    setTimeout(resolve, 3000);
                  });
                  done(pc.localDescription.sdp);
                })().catch(e => done('ERROR ' + e));
                """).asText();
        assertThat(offer).as("Chromium's offer").startsWith("v=0");
        String room = "/api/rooms/" + visit;
        assertThat(mediaService("PUT", room, null).statusCode()).isBetween(200, 204);
        assertThat(mediaService("PUT", room + "/participants/" + doctor, null).statusCode()).isBetween(200, 204);
        HttpResponse<String> answer = mediaService("POST", room + "/participants/" + doctor + "/sdp-offers", offer);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String applied = chromium.executeAsync(WAIT, """
                const done = arguments[arguments.length - 1];
                window.publisher.setRemoteDescription({type: 'answer', sdp: arguments[0]}).then(() => done('ok'), e => done('ERROR ' + e));
                """, answer.body()).asText();
        assertThat(applied).isEqualTo("ok");
        chromium.waitFor(WAIT, "return window.publisher.connectionState === 'connected';");
        chromium.waitFor(WAIT, """
                return window.publisher.getStats().then(stats => {
                  let video = 0, audio = 0;
                  stats.forEach(s => { if (s.type === 'outbound-rtp') { if (s.kind === 'video') video += s.packetsSent; else audio += s.packetsSent; } });
                  return video > 50 && audio > 50;
                });
                """);
    }

    /** The whole video, asked for in byte ranges as a player does: each answer 206 with the range it holds. */
    private byte[] fetchInRanges(String token, long length) throws Exception {
        ByteArrayOutputStream video = new ByteArrayOutputStream();
        for (long first = 0; first < length; first += RANGE_BYTES) {
            long last = Math.min(length, first + RANGE_BYTES) - 1;
            HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(url("/api/recordings/" + recording + "/content"))
                    .header("Authorization", "Bearer " + token).header("Range", "bytes=" + first + "-" + last)
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(part.statusCode()).isEqualTo(206);
            Matcher range = CONTENT_RANGE.matcher(part.headers().firstValue("Content-Range").orElse(""));
            assertThat(range.matches()).isTrue();
            assertThat(Long.parseLong(range.group(1))).isEqualTo(first);
            assertThat(Long.parseLong(range.group(2))).isEqualTo(last);
            assertThat(Long.parseLong(range.group(3))).isEqualTo(length);
            assertThat(part.body()).hasSize((int) (last - first + 1));
            video.write(part.body());
        }
        return video.toByteArray();
    }

    private HttpResponse<String> api(String token, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    private HttpResponse<String> mediaService(String method, String path, String sdp) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(MediaServiceTestResource.baseUrl() + path))
                .header("Authorization", "Bearer " + signalingToken).timeout(Duration.ofSeconds(10));
        if (sdp != null) {
            request.header("Content-Type", "application/sdp").header("Accept", "application/sdp");
        }
        return http.send(request.method(method, sdp == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(sdp)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
