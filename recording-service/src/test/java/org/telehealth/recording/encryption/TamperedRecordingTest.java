package org.telehealth.recording.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.recording.encryption.EncryptedRecordingRoundTripTest.chunksStart;
import static org.telehealth.recording.encryption.EncryptedRecordingRoundTripTest.headerLength;
import static org.telehealth.recording.encryption.EncryptedRecordingRoundTripTest.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way of altering a stored recording that the format is meant to catch: each is refused with
 * a {@link RecordingIntegrityException}, and never yields plaintext of an altered chunk.
 */
class TamperedRecordingTest {

    private static final int CHUNK = 10_000;

    @TempDir
    Path directory;

    private final MasterKey master = TestKeys.newMasterKey();
    private final MasterKeyRing keys = TestKeys.ringOf(master);
    private final UUID recording = UUID.randomUUID();
    private final byte[] video = TestKeys.randomBytes(4 * CHUNK);
    private Path file;
    private byte[] original;
    private int header;
    private int chunks;

    @BeforeEach
    void writeARecordingOfFourEqualChunks() throws IOException {
        file = write(recording, directory.resolve("recording.enc"));
        original = Files.readAllBytes(file);
        header = headerLength(file);
        chunks = chunksStart(file);
    }

    @Test
    void shouldRejectAFlippedByteInAnyChunk() throws IOException {
        for (int chunk = 0; chunk < 5; chunk++) {
            byte[] altered = original.clone();
            int offset = chunkOffset(chunk) + 4 + (chunk == 4 ? 3 : 1234);
            altered[offset] ^= 0x01;
            Files.write(file, altered);

            assertThatThrownBy(this::readEverything).as("chunk %d", chunk).isInstanceOf(RecordingIntegrityException.class);
            assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).isInstanceOf(RecordingIntegrityException.class);
        }
    }

    @Test
    void shouldNeverReturnPlaintextOfTheAlteredChunk() throws IOException {
        byte[] altered = original.clone();
        altered[chunkOffset(1) + 100] ^= 0x40;
        Files.write(file, altered);
        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, null);

        List<byte[]> returned = new ArrayList<>();
        try (RecordingReader.DecryptedRange range = reader.range(0, video.length - 1)) {
            assertThatThrownBy(() -> {
                for (byte[] slice = range.next(); slice != null; slice = range.next()) {
                    returned.add(slice);
                }
            }).isInstanceOf(RecordingIntegrityException.class).hasMessageContaining("chunk 1");
        }
        assertThat(returned).hasSize(1);
        assertThat(returned.get(0)).isEqualTo(Arrays.copyOfRange(video, 0, CHUNK));
    }

    @Test
    void shouldRejectAFlippedByteAnywhereInTheHeader() throws IOException {
        for (int offset = 0; offset < header; offset++) {
            byte[] altered = original.clone();
            altered[offset] ^= 0x01;
            Files.write(file, altered);

            assertThatThrownBy(this::readEverything).as("header byte %d", offset).isInstanceOf(RecordingIntegrityException.class);
        }
    }

    @Test
    void shouldRejectTwoChunksSwapped() throws IOException {
        byte[] altered = original.clone();
        int length = chunkOffset(1) - chunkOffset(0);
        System.arraycopy(original, chunkOffset(1), altered, chunkOffset(0), length);
        System.arraycopy(original, chunkOffset(0), altered, chunkOffset(1), length);
        Files.write(file, altered);

        assertThatThrownBy(this::readEverything).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void shouldNotPassAFileCutBeforeItsFinalChunkOffAsComplete() throws IOException {
        byte[] stored = RecordingVerifier.verify(file, recording, keys).index().encode();
        Files.write(file, Arrays.copyOf(original, chunkOffset(4)));

        // with the index stored at completion: the file is shorter than the recording
        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, keys, ChunkIndex.decode(stored)))
                .isInstanceOf(RecordingIntegrityException.class);
        // scanned: readable, but never reported complete
        assertThat(RecordingReader.open(new FileSource(file), recording, keys, null).complete()).isFalse();
        assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void shouldRejectAChunkReflaggedAsFinalAfterTheRealFinalOneWasCut() throws IOException {
        byte[] altered = Arrays.copyOf(original, chunkOffset(4));
        int prefixOffset = chunkOffset(3);
        int prefix = ByteBuffer.wrap(altered, prefixOffset, 4).getInt();
        ByteBuffer.wrap(altered, prefixOffset, 4).putInt(prefix | RecordingFileFormat.FINAL_FLAG);
        Files.write(file, altered);

        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, keys, null))
                .isInstanceOf(RecordingIntegrityException.class).hasMessageContaining("chunk 3");
        assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void shouldNotPassAFileWithItsLastDataChunkCutAndTheEmptyFinalChunkMovedUpAsComplete() throws IOException {
        byte[] altered = new byte[chunkOffset(3) + (original.length - chunkOffset(4))];
        System.arraycopy(original, 0, altered, 0, chunkOffset(3));
        System.arraycopy(original, chunkOffset(4), altered, chunkOffset(3), original.length - chunkOffset(4));
        Files.write(file, altered);

        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, keys, null))
                .isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void shouldRejectBytesAppendedAfterTheFinalChunk() throws IOException {
        byte[] altered = Arrays.copyOf(original, original.length + (chunkOffset(1) - chunkOffset(0)));
        System.arraycopy(original, chunkOffset(0), altered, original.length, chunkOffset(1) - chunkOffset(0));
        Files.write(file, altered);

        assertThatThrownBy(this::readEverything).isInstanceOf(RecordingIntegrityException.class);
        assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void shouldRejectTheHeaderOfAnotherRecordingInFrontOfTheseChunks() throws IOException {
        Path other = write(recording, directory.resolve("other.enc")); // same id and key, its own data key
        byte[] otherHeader = Arrays.copyOf(Files.readAllBytes(other), header);
        byte[] altered = original.clone();
        System.arraycopy(otherHeader, 0, altered, 0, header);
        Files.write(file, altered);

        assertThatThrownBy(this::readEverything).isInstanceOf(RecordingIntegrityException.class);
    }

    private void readEverything() throws IOException {
        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, null);
        read(reader, 0, reader.mediaLength() - 1);
        if (!reader.complete()) {
            throw new AssertionError("read an incomplete file without error");
        }
    }

    private Path write(UUID id, Path target) throws IOException {
        try (EncryptingOutputStream out = EncryptingOutputStream.create(target, id, master, TestKeys.RANDOM)) {
            for (int offset = 0; offset < video.length; offset += CHUNK) {
                out.write(video, offset, CHUNK);
                out.flush();
            }
        }
        return target;
    }

    /** File offset of chunk {@code i}: every chunk but the empty final one holds {@link #CHUNK} bytes. */
    private int chunkOffset(int i) {
        return chunks + i * (4 + CHUNK + RecordingFileFormat.TAG_BYTES);
    }
}
