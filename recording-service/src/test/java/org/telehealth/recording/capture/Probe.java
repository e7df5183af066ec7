package org.telehealth.recording.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What ffprobe and ffmpeg make of a recording: its streams, duration, decoded frames and pictures. */
public final class Probe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Probe() {
    }

    /** ffprobe's {@code -show_format -show_streams} as JSON. */
    public static JsonNode streams(Path file) throws IOException {
        MediaFixture.Result result = MediaFixture.run(List.of("ffprobe", "-v", "error", "-print_format", "json",
                "-show_format", "-show_streams", file.toString()));
        if (result.exitCode() != 0) {
            throw new AssertionError("ffprobe could not read " + file + ": " + result.output());
        }
        return JSON.readTree(result.stdout());
    }

    public static List<String> codecs(JsonNode probe) {
        List<String> codecs = new ArrayList<>();
        probe.path("streams").forEach(stream -> codecs.add(stream.path("codec_name").asText()));
        return codecs;
    }

    /**
     * The presentation times, in seconds, of the frames decoded from stream {@code stream} (e.g.
     * "v:0"): ffmpeg must decode the whole stream without a fatal error, ffprobe gives the times.
     */
    public static List<Double> decodedFrameTimes(Path file, String stream) throws IOException {
        MediaFixture.Result decoded = MediaFixture.run(List.of("ffmpeg", "-v", "error", "-i", file.toString(), "-map",
                "0:" + stream, "-f", "null", "-"));
        if (decoded.exitCode() != 0) {
            throw new AssertionError("ffmpeg could not decode " + stream + " of " + file + ": " + decoded.output());
        }
        MediaFixture.Result frames = MediaFixture.run(List.of("ffprobe", "-v", "error", "-select_streams", stream,
                "-show_entries", "frame=best_effort_timestamp_time", "-of", "csv=p=0", file.toString()));
        if (frames.exitCode() != 0) {
            throw new AssertionError("ffprobe could not decode " + stream + " of " + file + ": " + frames.output());
        }
        List<Double> times = new ArrayList<>();
        for (String line : new String(frames.stdout()).split("\n")) {
            if (!line.isBlank() && !line.strip().equals("N/A")) {
                times.add(Double.parseDouble(line.strip().replace(",", "")));
            }
        }
        return times;
    }

    /** The picture at {@code seconds} of the first video stream, as 8-bit gray pixels. */
    public static byte[] grayFrame(Path file, double seconds, int width, int height) throws IOException {
        MediaFixture.Result result = MediaFixture.run(List.of("ffmpeg", "-v", "error", "-ss", String.valueOf(seconds), "-i",
                file.toString(), "-map", "0:v:0", "-frames:v", "1", "-vf", "scale=" + width + ":" + height, "-f", "rawvideo",
                "-pix_fmt", "gray", "-"));
        if (result.exitCode() != 0) {
            throw new AssertionError("ffmpeg could not extract a frame of " + file + ": " + result.output());
        }
        return result.stdout();
    }

    /** The variance of 8-bit pixel values: a blank (one-colour) picture has none. */
    public static double variance(byte[] pixels) {
        double sum = 0;
        double squares = 0;
        for (byte pixel : pixels) {
            int value = pixel & 0xFF;
            sum += value;
            squares += (double) value * value;
        }
        double mean = sum / pixels.length;
        return squares / pixels.length - mean * mean;
    }
}
