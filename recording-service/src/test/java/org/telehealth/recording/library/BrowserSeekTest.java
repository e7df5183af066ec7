package org.telehealth.recording.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TestTokens;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.storage.RecordingStorage;
import org.telehealth.recording.testsupport.Database;
import org.telehealth.recording.testsupport.RecordingFilesTestResource;
import org.telehealth.recording.testsupport.RecordingFixtures;

/**
 * A media player reads a stored recording over HTTP as a browser's would: ffmpeg (the library behind
 * many players) opens the URL with the doctor's token, reads the WebM's index at the end of the file
 * with a range request, seeks into the middle with another, and decodes a frame there.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class BrowserSeekTest {

    @TestHTTPResource
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordingStorage storage;

    @Inject
    MasterKeyRing keys;

    @Test
    void shouldLetAPlayerSeekIntoTheMiddleOfARecordingWithRangeRequests() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/ffmpeg"))).as("ffmpeg is installed (.ci/run installs it)").isTrue();
        Path webm = RecordingFilesTestResource.base().resolve("seek-" + UUID.randomUUID() + ".webm");
        run("ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15", "-t", "10", "-c:v", "libvpx",
                "-b:v", "400k", "-deadline", "realtime", "-cpu-used", "8", "-g", "15", webm.toString());
        String doctor = "doctor." + UUID.randomUUID();
        byte[] video = Files.readAllBytes(webm);
        UUID recording = new RecordingFixtures(dataSource, storage, keys).completed(UUID.randomUUID(), TestTokens.subjectOf(doctor),
                "nobody", video, Instant.now());
        String url = base.toString().replaceAll("/$", "") + "/api/recordings/" + recording + "/content";
        String authorization = "Authorization: Bearer " + TestTokens.forUser(doctor, "doctor") + "\r\n";
        Path frame = RecordingFilesTestResource.base().resolve("frame-" + recording + ".png");

        String duration = run("ffprobe", "-v", "error", "-headers", authorization, "-show_entries", "format=duration", "-of",
                "csv=p=0", url);
        run("ffmpeg", "-v", "error", "-headers", authorization, "-ss", "6", "-i", url, "-frames:v", "1", frame.toString());

        assertThat(Double.parseDouble(duration.strip())).isBetween(9.5, 10.5);
        assertThat(Files.size(frame)).isPositive();
        List<Map<String, Object>> plays = new Database(dataSource).rows("select http_status, detail from access_audit "
                + "where recording_id = ? and action = 'PLAY' order by id", recording);
        assertThat(plays).extracting(row -> row.get("http_status")).contains(206);
        assertThat(plays).extracting(row -> (String) row.get("detail"))
                .anyMatch(detail -> !detail.startsWith("bytes 0-"));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command[0] + " failed (exit " + process.exitValue() + "): " + output);
        }
        return output;
    }
}
