package org.telehealth.recording.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.telehealth.recording.capture.MediaFixture;
import org.telehealth.recording.encryption.FileSource;
import org.telehealth.recording.encryption.MasterKeyRing;
import org.telehealth.recording.encryption.RecordingReader;
import org.telehealth.recording.encryption.RecordingVerifier;

/**
 * Checks a step's spool files after its recordings stopped, outside the measured windows: each must
 * authenticate whole with the run's master key (what recording-service verifies before it stores a
 * recording), and the largest, decrypted, must be a WebM that ffmpeg decodes, with the tracks and frames
 * ffprobe counts in it. Then the spool files go (a run writes about 2 Mbit/s per recording).
 */
final class SpoolFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpoolFiles() {
    }

    static SpoolFilesCheck checkAndDelete(Path directory, MasterKeyRing keys, Path sample) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".webm.enc")).sorted().toList();
        }
        int verified = 0;
        Path largest = null;
        RecordingVerifier.Verification largestVerification = null;
        for (Path file : files) {
            RecordingVerifier.Verification verification;
            try {
                verification = RecordingVerifier.verify(file, idOf(file), keys);
            } catch (IOException | RuntimeException e) {
                continue; // counted as not verified
            }
            verified++;
            if (largest == null || Files.size(file) > Files.size(largest)) {
                largest = file;
                largestVerification = verification;
            }
        }
        String probed = "no verified file";
        if (largest != null) {
            decrypt(largest, idOf(largest), keys, largestVerification, sample);
            probed = probe(sample);
        }
        for (Path file : files) {
            Files.delete(file);
        }
        return new SpoolFilesCheck(files.size(), verified, probed);
    }

    private static UUID idOf(Path spoolFile) {
        return UUID.fromString(spoolFile.getFileName().toString().replace(".webm.enc", ""));
    }

    private static void decrypt(Path file, UUID id, MasterKeyRing keys, RecordingVerifier.Verification verification,
            Path sample) throws IOException {
        RecordingReader reader = RecordingReader.open(new FileSource(file), id, keys, verification.index());
        try (OutputStream out = Files.newOutputStream(sample);
                RecordingReader.DecryptedRange range = reader.range(0, reader.mediaLength() - 1)) {
            for (byte[] slice = range.next(); slice != null; slice = range.next()) {
                out.write(slice);
            }
        }
    }

    /**
     * "vp8 640x480 312 frames, opus 780 frames, ...; 15.4 s; 0 video frames under 20 ms after the one before; ffmpeg
     * decoded everything without a message": frames that close are bunched (the timeline moved them; they play as a stall
     * and a jump).
     */
    private static String probe(Path webm) throws IOException {
        MediaFixture.Result result = MediaFixture.run(List.of("ffprobe", "-v", "error", "-count_packets", "-print_format",
                "json", "-show_entries", "stream=codec_name,codec_type,width,height,nb_read_packets:format=duration",
                webm.toString()));
        if (result.exitCode() != 0) {
            return "ffprobe could not read it: " + result.output().strip();
        }
        JsonNode probe = JSON.readTree(result.stdout());
        List<String> streams = new ArrayList<>();
        int videoStreams = 0;
        for (JsonNode stream : probe.path("streams")) {
            String size = stream.has("width") ? " " + stream.path("width").asInt() + "x" + stream.path("height").asInt() : "";
            streams.add(stream.path("codec_name").asText() + size + " " + stream.path("nb_read_packets").asText() + " frames");
            videoStreams += stream.path("codec_type").asText().equals("video") ? 1 : 0;
        }
        long bunched = 0;
        for (int i = 0; i < videoStreams; i++) {
            bunched += bunchedFrames(webm, "v:" + i);
        }
        MediaFixture.Result decoded = MediaFixture.run(List.of("ffmpeg", "-v", "error", "-i", webm.toString(), "-map", "0",
                "-fps_mode", "passthrough", "-f", "null", "-"));
        List<String> messages = decoded.output().lines().filter(line -> !line.isBlank()).toList();
        String decoding = decoded.exitCode() == 0 && messages.isEmpty() ? "ffmpeg decoded everything without a message"
                : "ffmpeg: " + messages.size() + " messages, the first: " + (messages.isEmpty() ? "exit " + decoded.exitCode()
                        : messages.get(0).replaceAll("^\\[[^]]*\\] ", ""));
        return String.format(Locale.ROOT, "%s; %.1f s; %d video frames under 20 ms after the one before; %s",
                String.join(", ", streams), probe.path("format").path("duration").asDouble(), bunched, decoding);
    }

    private static long bunchedFrames(Path webm, String stream) throws IOException {
        MediaFixture.Result times = MediaFixture.run(List.of("ffprobe", "-v", "error", "-select_streams", stream,
                "-show_entries", "packet=pts_time", "-of", "csv=p=0", webm.toString()));
        long bunched = 0;
        double previous = Double.NaN;
        for (String line : new String(times.stdout()).split("\n")) {
            if (line.isBlank() || line.strip().equals("N/A")) {
                continue;
            }
            double time = Double.parseDouble(line.strip().replace(",", ""));
            if (time - previous < 0.020) {
                bunched++;
            }
            previous = time;
        }
        return bunched;
    }
}
