package org.telehealth.recording.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncryptedRecordingRoundTripTest {

    @TempDir
    Path directory;

    private final MasterKey master = TestKeys.newMasterKey();
    private final MasterKeyRing keys = TestKeys.ringOf(master);
    private final UUID recording = UUID.randomUUID();

    @Test
    void shouldReadBackEveryByteOfAClosedRecordingAsComplete() throws IOException {
        byte[] video = TestKeys.randomBytes(300_000);
        Path file = write(video, 70_000);

        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, null);

        assertThat(reader.complete()).isTrue();
        assertThat(reader.mediaLength()).isEqualTo(video.length);
        assertThat(read(reader, 0, video.length - 1)).isEqualTo(video);
    }

    @Test
    void shouldNeverWriteThePlaintextToTheFile() throws IOException {
        byte[] video = new byte[200_000];
        Arrays.fill(video, (byte) 'A');
        Path file = write(video, 50_000);

        byte[] stored = Files.readAllBytes(file);

        assertThat(indexOf(stored, new byte[] {'A', 'A', 'A', 'A', 'A', 'A', 'A', 'A'})).isEqualTo(-1);
    }

    @Test
    void shouldSealAChunkWhenFullAndOnEveryFlush() throws IOException {
        Path file = directory.resolve("r.enc");
        try (EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM)) {
            out.write(TestKeys.randomBytes(100));
            out.flush();
            out.flush(); // nothing buffered: no empty chunk
            out.write(TestKeys.randomBytes(RecordingFileFormat.MAX_CHUNK_PLAINTEXT + 10));
            assertThat(out.chunks()).isEqualTo(2);
        }

        ChunkIndex index = RecordingVerifier.verify(file, recording, keys).index();

        assertThat(index.count()).isEqualTo(3); // 100, 65536, then the last 10 bytes in the final chunk
        assertThat(index.mediaLength()).isEqualTo(100 + RecordingFileFormat.MAX_CHUNK_PLAINTEXT + 10);
        assertThat(index.complete()).isTrue();
    }

    @Test
    void shouldServeAnyRangeAcrossChunkBoundaries() throws IOException {
        byte[] video = TestKeys.randomBytes(250_000);
        Path file = write(video, 33_333);
        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, null);

        long[][] ranges = {{0, 0}, {0, 99}, {33_332, 33_334}, {65_535, 65_537}, {100_000, 249_999}, {249_999, 249_999},
            {12_345, 200_001}};
        for (long[] range : ranges) {
            assertThat(read(reader, range[0], range[1]))
                    .as("bytes %d-%d", range[0], range[1])
                    .isEqualTo(Arrays.copyOfRange(video, (int) range[0], (int) range[1] + 1));
        }
    }

    @Test
    void shouldReadWithTheIndexStoredWithTheRecordInsteadOfScanning() throws IOException {
        byte[] video = TestKeys.randomBytes(150_000);
        Path file = write(video, 40_000);
        byte[] stored = RecordingVerifier.verify(file, recording, keys).index().encode();

        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, ChunkIndex.decode(stored));

        assertThat(read(reader, 39_990, 80_010)).isEqualTo(Arrays.copyOfRange(video, 39_990, 80_011));
    }

    @Test
    void shouldVerifyAClosedFileAndReportItsChecksums() throws Exception {
        byte[] video = TestKeys.randomBytes(90_000);
        Path file = write(video, 30_000);

        RecordingVerifier.Verification verified = RecordingVerifier.verify(file, recording, keys);

        assertThat(verified.index().complete()).isTrue();
        assertThat(verified.index().fileLength()).isEqualTo(Files.size(file));
        assertThat(verified.discardedBytes()).isZero();
        assertThat(verified.masterKeyId()).isEqualTo(master.id());
        assertThat(verified.sha256()).isEqualTo(sha256Hex(Files.readAllBytes(file)));
        assertThat(verified.mediaSha256()).isEqualTo(sha256Hex(video));
    }

    @Test
    void shouldStillReadRecordingsWrappedByARetiredMasterKeyAfterRotation() throws IOException {
        byte[] video = TestKeys.randomBytes(10_000);
        Path file = write(video, 10_000);
        MasterKeyRing rotated = TestKeys.ringOf(TestKeys.newMasterKey(), master);

        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, rotated, null);

        assertThat(read(reader, 0, video.length - 1)).isEqualTo(video);
        assertThat(reader.masterKeyId()).isEqualTo(master.id()).isNotEqualTo(rotated.current().id());
    }

    @Test
    void shouldRefuseARecordingWhoseMasterKeyIsUnknown() throws IOException {
        Path file = write(TestKeys.randomBytes(1000), 1000);

        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, TestKeys.ringOf(TestKeys.newMasterKey()),
                null)).isInstanceOf(RecordingIntegrityException.class).hasMessageContaining(master.id());
    }

    @Test
    void shouldRefuseToServeAFileAsAnotherRecording() throws IOException {
        Path file = write(TestKeys.randomBytes(1000), 1000);

        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), UUID.randomUUID(), keys, null))
                .isInstanceOf(RecordingIntegrityException.class).hasMessageContaining("another recording");
    }

    @Test
    void shouldGiveEachRecordingItsOwnDataKey() throws IOException {
        byte[] video = TestKeys.randomBytes(1000);
        Path first = write(video, 1000);
        Path second = directory.resolve("second.enc");
        try (EncryptingOutputStream out = EncryptingOutputStream.create(second, recording, master, TestKeys.RANDOM)) {
            out.write(video);
        }
        int header = chunksStart(first);

        byte[] a = Arrays.copyOfRange(Files.readAllBytes(first), header, header + 100);
        byte[] b = Arrays.copyOfRange(Files.readAllBytes(second), header, header + 100);
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void shouldCreateTheFileForItsOwnerOnly() throws IOException {
        Path file = write(TestKeys.randomBytes(10), 10);

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    private Path write(byte[] video, int flushEvery) throws IOException {
        Path file = directory.resolve(UUID.randomUUID() + ".enc");
        try (EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM)) {
            for (int offset = 0; offset < video.length; offset += flushEvery) {
                out.write(video, offset, Math.min(flushEvery, video.length - offset));
                out.flush();
            }
        }
        return file;
    }

    static byte[] read(RecordingReader reader, long first, long last) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingReader.DecryptedRange range = reader.range(first, last)) {
            for (byte[] slice = range.next(); slice != null; slice = range.next()) {
                out.write(slice);
            }
        }
        return out.toByteArray();
    }

    static int headerLength(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return RecordingHeader.read(in).length();
        }
    }

    /** Where the chunks of {@code file} start: after its header and the head slots. */
    static int chunksStart(Path file) throws IOException {
        return (int) RecordingFileFormat.chunksOffset(headerLength(file));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    static String sha256Hex(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
