package org.telehealth.recording.encryption;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Run in a child JVM by {@link CrashRecoveryTest}: writes a video through the encrypting stream as a
 * capture would (flushing after each piece), then writes more without flushing and waits to be
 * killed, never closing the stream. Reports each flush on stdout.
 *
 * <p>Arguments: target file, master key (base64), recording id, video file, bytes per piece, pieces
 * to flush before the crash.
 */
public final class CrashingRecorder {

    private CrashingRecorder() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        MasterKey master = MasterKey.of(Base64.getDecoder().decode(args[1]));
        UUID recording = UUID.fromString(args[2]);
        byte[] video = Files.readAllBytes(Path.of(args[3]));
        int piece = Integer.parseInt(args[4]);
        int flushedPieces = Integer.parseInt(args[5]);
        PrintStream report = System.out;
        EncryptingOutputStream out = EncryptingOutputStream.create(target, recording, master, new SecureRandom());
        int offset = 0;
        for (int i = 0; i < flushedPieces; i++) {
            out.write(video, offset, piece);
            offset += piece;
            out.flush();
            report.println("FLUSHED " + offset);
            report.flush();
        }
        out.write(video, offset, Math.min(piece, video.length - offset));
        report.println("UNFLUSHED");
        report.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
