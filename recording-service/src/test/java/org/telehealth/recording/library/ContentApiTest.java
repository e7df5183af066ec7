package org.telehealth.recording.library;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
 * Playing a recording: the video decrypted on the fly, whole or by byte range as a browser's player
 * asks while seeking (RFC 9110 ranges: a-b, a-, -n; 206 with Content-Range; 416 outside the video).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
@WithTestResource(RecordingFilesTestResource.class)
class ContentApiTest {

    private static final int LENGTH = 200_000;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RecordingStorage storage;

    @Inject
    MasterKeyRing keys;

    @TestHTTPResource
    URL base;

    private int port;
    private final String doctor = "doctor." + UUID.randomUUID();
    private final String token = TestTokens.forUser(doctor, "doctor");
    private RecordingFixtures fixtures;
    private byte[] video;
    private UUID recording;

    @BeforeEach
    void storeARecording() {
        port = base.getPort();
        fixtures = new RecordingFixtures(dataSource, storage, keys);
        video = fixtures.randomVideo(LENGTH);
        recording = fixtures.completed(UUID.randomUUID(), TestTokens.subjectOf(doctor), "nobody", video, Instant.now());
    }

    @Test
    void shouldServeTheWholeVideoDecrypted() {
        Response response = play(null);

        response.then().statusCode(200).contentType("video/webm").header("Accept-Ranges", "bytes")
                .header("Content-Length", Integer.toString(LENGTH)).header("Cache-Control", "no-store")
                .header("Transfer-Encoding", org.hamcrest.Matchers.nullValue());
        assertThat(response.asByteArray()).isEqualTo(video);
    }

    @Test
    void shouldServeARangeWithItsContentRange() {
        Response response = play("bytes=100-199");

        response.then().statusCode(206).contentType("video/webm").header("Content-Range", "bytes 100-199/" + LENGTH)
                .header("Content-Length", "100");
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(video, 100, 200));
    }

    @Test
    void shouldServeRangesAcrossChunkBoundariesOpenEndedAndFromTheEnd() {
        int boundary = RecordingFixtures.FLUSH_EVERY;
        assertRange("bytes=" + (boundary - 5) + "-" + (2 * boundary + 5), boundary - 5, 2 * boundary + 5);
        assertRange("bytes=150000-", 150_000, LENGTH - 1);
        assertRange("bytes=-500", LENGTH - 500, LENGTH - 1);
        assertRange("bytes=-" + (LENGTH * 2), 0, LENGTH - 1);
        assertRange("bytes=199990-300000", 199_990, LENGTH - 1);
    }

    @Test
    void shouldAnswer416WithTheLengthForARangeOutsideTheVideo() {
        play("bytes=" + LENGTH + "-").then().statusCode(416).contentType("application/problem+json")
                .header("Content-Range", "bytes */" + LENGTH);
        play("bytes=-0").then().statusCode(416);
    }

    @Test
    void shouldServeTheWholeVideoForRangesItDoesNotServe() {
        play("bytes=0-1,5-6").then().statusCode(200).header("Content-Length", Integer.toString(LENGTH));
        play("items=0-5").then().statusCode(200);
        play("bytes=9-3").then().statusCode(200);
    }

    @Test
    void shouldRefuseToServeARecordingWhoseHeaderWasTamperedWith() throws Exception {
        Path file = fixtures.storedFile(recording);
        byte[] bytes = Files.readAllBytes(file);
        bytes[40] ^= 0x01;
        Files.write(file, bytes);

        Response response = play(null);

        response.then().statusCode(500).contentType("application/problem+json");
        assertThat(response.asString()).contains("integrity").doesNotContain("Exception");
        assertThat(new Database(dataSource).value("select outcome from access_audit where recording_id = ? and outcome = 'FAILED'",
                recording)).isEqualTo("FAILED");
    }

    @Test
    void shouldCutTheAnswerOffBeforeATamperedChunkAndNeverSendItsPlaintext() throws Exception {
        Path file = fixtures.storedFile(recording);
        byte[] bytes = Files.readAllBytes(file);
        int thirdChunk = bytes.length - (int) (LENGTH - 2L * RecordingFixtures.FLUSH_EVERY) - 6 * 20 + 100;
        bytes[thirdChunk] ^= 0x01; // inside chunk 2 (bytes 60000-89999 of the video)
        Files.write(file, bytes);

        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/recordings/" + recording + "/content"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean cutOff = false;
        try (InputStream body = response.body()) {
            body.transferTo(received);
        } catch (IOException e) {
            cutOff = true;
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(cutOff || received.size() < LENGTH).as("the answer ended early").isTrue();
        assertThat(received.size()).isLessThanOrEqualTo(2 * RecordingFixtures.FLUSH_EVERY);
        assertThat(received.toByteArray()).isEqualTo(Arrays.copyOf(video, received.size()));
    }

    private void assertRange(String range, int first, int last) {
        Response response = play(range);
        response.then().statusCode(206).header("Content-Range", "bytes " + first + "-" + last + "/" + LENGTH);
        assertThat(response.asByteArray()).as(range).isEqualTo(Arrays.copyOfRange(video, first, last + 1));
    }

    private Response play(String range) {
        var request = given().auth().oauth2(token);
        if (range != null) {
            request = request.header("Range", range);
        }
        return request.get("/api/recordings/" + recording + "/content");
    }
}
