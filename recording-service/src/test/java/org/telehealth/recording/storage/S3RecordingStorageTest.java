package org.telehealth.recording.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.infra.testing.FreePorts;
import org.telehealth.recording.encryption.EncryptingOutputStream;
import org.telehealth.recording.encryption.MasterKey;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.encryption.RecordingReader;
import org.telehealth.recording.encryption.RecordingVerifier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 storage against a real S3-compatible server: S3Proxy (a jar from Maven Central, run in a
 * child JVM with a filesystem backend and SigV4 authentication). A recording larger than a part goes
 * up as a multipart upload, comes back by ranged GETs, decrypts, and is deleted.
 */
class S3RecordingStorageTest {

    private static final String BUCKET = "recordings";
    private static final int PART = 5 * 1024 * 1024;
    private static Process server;
    private static URI endpoint;
    private static S3Client client;

    @TempDir
    Path directory;

    private final SecureRandom random = new SecureRandom();
    private final MasterKey master = masterKey();
    private final MasterKeyRing keys = new MasterKeyRing(master, List.of());

    @BeforeAll
    static void startS3Proxy(@TempDir Path data) throws Exception {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar"));
        assumeThat(Files.isRegularFile(jar)).as("S3Proxy jar copied by the build (maven-dependency-plugin)").isTrue();
        int port = FreePorts.next();
        endpoint = URI.create("http://127.0.0.1:" + port);
        Files.createDirectories(data.resolve("blobs"));
        Path config = data.resolve("s3proxy.conf");
        Files.writeString(config, String.join("\n",
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=test-access-key",
                "s3proxy.credential=test-secret-key",
                "s3proxy.endpoint=" + endpoint,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + data.resolve("blobs")) + "\n");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                jar.toString(), "--properties", config.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("s3proxy.log").toFile()).start();
        awaitListening();
        client = RecordingStorageProducer.s3Client(new TestS3Config());
        client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopS3Proxy() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void shouldStoreALargeRecordingInPartsAndServeRangesOfItDecrypted() throws IOException {
        S3RecordingStorage storage = new S3RecordingStorage(client, BUCKET, "recordings/", PART);
        byte[] video = new byte[12 * 1024 * 1024 + 12_345];
        random.nextBytes(video);
        UUID id = UUID.randomUUID();
        Path file = encrypt(id, video);

        storage.store(id + ".webm.enc", file);

        assertThat(storage.exists(id + ".webm.enc")).isTrue();
        var source = storage.open(id + ".webm.enc");
        assertThat(source.size()).isEqualTo(Files.size(file));
        RecordingReader reader = RecordingReader.open(source, id, keys, RecordingVerifier.verify(file, id, keys).index());
        assertThat(reader.complete()).isTrue();
        assertThat(read(reader, 0, 99)).isEqualTo(Arrays.copyOfRange(video, 0, 100));
        int acrossParts = PART - 50;
        assertThat(read(reader, acrossParts, acrossParts + 200_000)).isEqualTo(Arrays.copyOfRange(video, acrossParts,
                acrossParts + 200_001));
        assertThat(read(reader, video.length - 10, video.length - 1)).isEqualTo(Arrays.copyOfRange(video, video.length - 10,
                video.length));
    }

    @Test
    void shouldStoreASmallRecordingInOneRequestAndScanItWithoutAStoredIndex() throws IOException {
        S3RecordingStorage storage = new S3RecordingStorage(client, BUCKET, "", PART);
        byte[] video = new byte[300_000];
        random.nextBytes(video);
        UUID id = UUID.randomUUID();

        storage.store(id + ".webm.enc", encrypt(id, video));

        RecordingReader reader = RecordingReader.open(storage.open(id + ".webm.enc"), id, keys, null);
        assertThat(read(reader, 0, video.length - 1)).isEqualTo(video);
    }

    @Test
    void shouldDeleteARecordingAndTreatDeletingAMissingOneAsDone() throws IOException {
        S3RecordingStorage storage = new S3RecordingStorage(client, BUCKET, "recordings/", PART);
        UUID id = UUID.randomUUID();
        storage.store(id + ".webm.enc", encrypt(id, new byte[1000]));

        storage.delete(id + ".webm.enc");
        storage.delete(id + ".webm.enc");

        assertThat(storage.exists(id + ".webm.enc")).isFalse();
        assertThatThrownBy(() -> storage.open(id + ".webm.enc")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldReplaceTheObjectWhenARecordingIsStoredAgainAfterACrash() throws IOException {
        S3RecordingStorage storage = new S3RecordingStorage(client, BUCKET, "recordings/", PART);
        UUID id = UUID.randomUUID();
        Path file = encrypt(id, new byte[5000]);

        storage.store(id + ".webm.enc", file);
        storage.store(id + ".webm.enc", file);

        assertThat(storage.open(id + ".webm.enc").size()).isEqualTo(Files.size(file));
    }

    private Path encrypt(UUID id, byte[] video) throws IOException {
        Path file = directory.resolve(id + ".enc");
        try (EncryptingOutputStream out = EncryptingOutputStream.create(file, id, master, random)) {
            for (int offset = 0; offset < video.length; offset += 60_000) {
                out.write(video, offset, Math.min(60_000, video.length - offset));
                out.flush();
            }
        }
        return file;
    }

    private static byte[] read(RecordingReader reader, long first, long last) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingReader.DecryptedRange range = reader.range(first, last)) {
            for (byte[] slice = range.next(); slice != null; slice = range.next()) {
                out.write(slice);
            }
        }
        return out.toByteArray();
    }

    private static MasterKey masterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return MasterKey.of(key);
    }

    private static void awaitListening() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                http.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start", notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    /** S3 settings pointing at the S3Proxy of this test. */
    private static final class TestS3Config implements StorageConfig.S3 {
        @Override
        public Optional<String> bucket() {
            return Optional.of(BUCKET);
        }

        @Override
        public Optional<String> keyPrefix() {
            return Optional.empty();
        }

        @Override
        public Optional<URI> endpoint() {
            return Optional.of(endpoint);
        }

        @Override
        public String region() {
            return "us-east-1";
        }

        @Override
        public boolean pathStyleAccess() {
            return true;
        }

        @Override
        public Optional<String> accessKeyId() {
            return Optional.of("test-access-key");
        }

        @Override
        public Optional<String> secretAccessKey() {
            return Optional.of("test-secret-key");
        }

        @Override
        public int partSizeBytes() {
            return PART;
        }
    }
}
