package org.telehealth.recording.encryption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telehealth.recording.encryption.EncryptedRecordingRoundTripTest.headerLength;
import static org.telehealth.recording.encryption.EncryptedRecordingRoundTripTest.read;
import static org.telehealth.recording.encryption.EncryptedRecordingRoundTripTest.sha256Hex;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The video's head (the WebM muxer's header region) is rewritten whole while everything after it is
 * appended: the latest head is served in front of the chunks, each rewrite is sealed under a nonce
 * of its own into the slot not in use, a rewrite torn by a crash leaves the previous head, and an
 * older or altered head put into a closed file is caught.
 */
class RewritableHeadTest {

    private static final int HEAD = 300;

    @TempDir
    Path directory;

    private final MasterKey master = TestKeys.newMasterKey();
    private final MasterKeyRing keys = TestKeys.ringOf(master);
    private final UUID recording = UUID.randomUUID();
    private final byte[] first = TestKeys.randomBytes(HEAD);
    private final byte[] second = TestKeys.randomBytes(HEAD);
    private final byte[] last = TestKeys.randomBytes(HEAD);
    private final byte[] body = TestKeys.randomBytes(90_000);

    @Test
    void shouldServeTheLatestHeadInFrontOfTheBodyInAnyRange() throws Exception {
        Path file = writeClosed();
        byte[] video = concat(last, body);

        RecordingVerifier.Verification verified = RecordingVerifier.verify(file, recording, keys);
        RecordingReader scanned = RecordingReader.open(new FileSource(file), recording, keys, null);
        RecordingReader indexed = RecordingReader.open(new FileSource(file), recording, keys,
                ChunkIndex.decode(verified.index().encode()));

        assertThat(verified.mediaSha256()).isEqualTo(sha256Hex(video));
        assertThat(verified.index().headLength()).isEqualTo(HEAD);
        for (RecordingReader reader : new RecordingReader[] {scanned, indexed}) {
            assertThat(reader.complete()).isTrue();
            assertThat(reader.mediaLength()).isEqualTo(video.length);
            long[][] ranges = {{0, video.length - 1}, {0, 0}, {10, 20}, {HEAD - 5, HEAD + 5}, {HEAD, HEAD}, {HEAD - 1, HEAD - 1},
                {HEAD + 40_000, video.length - 1}};
            for (long[] range : ranges) {
                assertThat(read(reader, range[0], range[1])).as("bytes %d-%d", range[0], range[1])
                        .isEqualTo(Arrays.copyOfRange(video, (int) range[0], (int) range[1] + 1));
            }
        }
    }

    @Test
    void shouldSealEachRewriteUnderANewNonceIntoTheSlotNotInUse() throws Exception {
        Path file = directory.resolve("same-head.enc");
        try (EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM)) {
            out.writeHead(first);
            out.writeHead(first);
        }
        byte[] bytes = Files.readAllBytes(file);
        int slots = headerLength(file);

        ByteBuffer slot0 = ByteBuffer.wrap(bytes, slots, RecordingFileFormat.HEAD_SLOT_BYTES);
        ByteBuffer slot1 = ByteBuffer.wrap(bytes, slots + RecordingFileFormat.HEAD_SLOT_BYTES, RecordingFileFormat.HEAD_SLOT_BYTES);
        assertThat(slot1.getLong()).as("generation 1 in slot 1").isEqualTo(1);
        assertThat(slot0.getLong()).as("generation 2 in slot 0").isEqualTo(2);
        byte[] sealed1 = Arrays.copyOfRange(bytes, slots + RecordingFileFormat.HEAD_SLOT_BYTES + 12,
                slots + RecordingFileFormat.HEAD_SLOT_BYTES + 12 + HEAD);
        byte[] sealed2 = Arrays.copyOfRange(bytes, slots + 12, slots + 12 + HEAD);
        assertThat(sealed2).as("the same head under another nonce").isNotEqualTo(sealed1);
        assertThat(indexOf(bytes, Arrays.copyOf(first, 16))).as("no plaintext of the head on disk").isEqualTo(-1);
    }

    @Test
    void shouldKeepThePreviousHeadWhenACrashTearsARewrite() throws Exception {
        Path file = directory.resolve("torn-head.enc");
        EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM);
        out.writeHead(first);
        out.write(body);
        out.flush();
        out.writeHead(second);
        out.abandon();
        // the crash tore the rewrite: half of generation 2's sealed head (slot 0) reached the disk
        overwrite(file, headerLength(file) + 12 + HEAD / 2, TestKeys.randomBytes(HEAD));

        RecordingVerifier.Verification recovered = RecordingVerifier.recover(file, recording, keys);
        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, recovered.index());

        assertThat(recovered.index().complete()).isFalse();
        assertThat(recovered.mediaSha256()).isEqualTo(sha256Hex(concat(first, body)));
        assertThat(read(reader, 0, reader.mediaLength() - 1)).isEqualTo(concat(first, body));
        assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void shouldCatchAnOlderHeadPutBackIntoAClosedFile() throws Exception {
        Path file = directory.resolve("rolled-back.enc");
        int slot1;
        byte[] firstHeadsSlot;
        try (EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM)) {
            out.writeHead(first);
            slot1 = headerLength(file) + RecordingFileFormat.HEAD_SLOT_BYTES;
            firstHeadsSlot = Arrays.copyOfRange(Files.readAllBytes(file), slot1, slot1 + RecordingFileFormat.HEAD_SLOT_BYTES);
            out.write(body);
            out.writeHead(second);
            out.writeHead(last);
        }
        byte[] stored = RecordingVerifier.verify(file, recording, keys).index().encode();

        // generation 3 (slot 1) replaced by generation 1, as the slot held it before: authentic, but not the head closed with
        overwrite(file, slot1, firstHeadsSlot);
        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, keys, ChunkIndex.decode(stored)))
                .isInstanceOf(RecordingIntegrityException.class);
        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, keys, null))
                .isInstanceOf(RecordingIntegrityException.class).hasMessageContaining("another head");
        assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).isInstanceOf(RecordingIntegrityException.class);

        // generation 3's slot wiped: the newest head left is generation 2, which the final chunk does not name either
        overwrite(file, slot1, new byte[RecordingFileFormat.HEAD_SLOT_BYTES]);
        assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, keys, null))
                .isInstanceOf(RecordingIntegrityException.class).hasMessageContaining("another head");
        assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).isInstanceOf(RecordingIntegrityException.class);
    }

    @Test
    void shouldCatchAFlippedByteInEitherSlot() throws Exception {
        Path file = writeClosed();
        byte[] original = Files.readAllBytes(file);
        byte[] stored = RecordingVerifier.verify(file, recording, keys).index().encode();
        int slots = headerLength(file);

        for (int offset : new int[] {slots + 5, slots + 40, slots + RecordingFileFormat.HEAD_SLOT_BYTES - 1,
            slots + RecordingFileFormat.HEAD_SLOT_BYTES + 40, slots + 2 * RecordingFileFormat.HEAD_SLOT_BYTES - 1}) {
            byte[] altered = original.clone();
            altered[offset] ^= 0x01;
            Files.write(file, altered);

            assertThatThrownBy(() -> RecordingVerifier.verify(file, recording, keys)).as("byte %d", offset)
                    .isInstanceOf(RecordingIntegrityException.class);
            if (offset >= slots + RecordingFileFormat.HEAD_SLOT_BYTES) {
                assertThatThrownBy(() -> RecordingReader.open(new FileSource(file), recording, keys, ChunkIndex.decode(stored)))
                        .as("the head in use, byte %d", offset).isInstanceOf(RecordingIntegrityException.class);
            }
        }
    }

    @Test
    void shouldRefuseAHeadLargerThanItsSlotAndChangeNothing() throws Exception {
        Path file = directory.resolve("too-big.enc");
        try (EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM)) {
            out.writeHead(first);
            byte[] before = Files.readAllBytes(file);

            assertThatThrownBy(() -> out.writeHead(new byte[RecordingFileFormat.MAX_HEAD_BYTES + 1]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Files.readAllBytes(file)).isEqualTo(before);
            out.write(body);
        }
        RecordingReader reader = RecordingReader.open(new FileSource(file), recording, keys, null);
        assertThat(read(reader, 0, reader.mediaLength() - 1)).isEqualTo(concat(first, body));
    }

    /** Heads of generations 1, 2 and 3 (the last in slot 1) around a body written in three flushes, then closed. */
    private Path writeClosed() throws IOException {
        Path file = directory.resolve(UUID.randomUUID() + ".enc");
        try (EncryptingOutputStream out = EncryptingOutputStream.create(file, recording, master, TestKeys.RANDOM)) {
            out.writeHead(first);
            out.write(body, 0, 30_000);
            out.flush();
            out.writeHead(second);
            out.write(body, 30_000, 30_000);
            out.flush();
            out.write(body, 60_000, 30_000);
            out.writeHead(last);
        }
        return file;
    }

    private static void overwrite(Path file, int offset, byte[] bytes) throws IOException {
        byte[] content = Files.readAllBytes(file);
        System.arraycopy(bytes, 0, content, offset, bytes.length);
        Files.write(file, content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
