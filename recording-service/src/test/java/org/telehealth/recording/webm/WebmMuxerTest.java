package org.telehealth.recording.webm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telehealth.recording.capture.CodedFrames;
import org.telehealth.recording.capture.MediaFixture;
import org.telehealth.recording.capture.Probe;

/**
 * WebM files written from ffmpeg-made VP8 and Opus frames (Java cannot encode them), read back by
 * ffprobe and ffmpeg, and walked element by element: the layout, the seek index, a track joining
 * late, and copies cut short.
 */
class WebmMuxerTest {

    private static final long MILLIS = 4000;

    @TempDir
    Path directory;

    /** Muxes {@code MILLIS} of the fixtures; the camera joins at {@code videoFromMillis}. Returns the file and the positions of its clusters. */
    private List<Long> mux(Path file, long videoFromMillis, boolean finish) throws IOException {
        List<CodedFrames.Frame> audio = CodedFrames.oggOpus(MediaFixture.opus());
        List<CodedFrames.Frame> video = CodedFrames.ivf(MediaFixture.vp8());
        List<Long> clusterEnds = new ArrayList<>();
        FileWebmSink sink = FileWebmSink.create(file);
        WebmMuxer muxer = new WebmMuxer(sink, "test", Instant.parse("2026-01-02T03:04:05Z"));
        int microphone = muxer.addTrack(WebmTrack.opus("doctor microphone"));
        int camera = 0;
        int a = 0;
        int v = 0;
        while (a < audio.size() && audio.get(a).millis() < MILLIS) {
            boolean videoNext = v < video.size() && video.get(v).millis() <= audio.get(a).millis();
            long before = sink.length();
            if (videoNext) {
                CodedFrames.Frame frame = video.get(v++);
                boolean keyframe = (frame.data()[0] & 1) == 0;
                if (frame.millis() >= videoFromMillis) {
                    if (camera == 0 && keyframe) {
                        camera = muxer.addTrack(WebmTrack.video("V_VP8", "doctor camera", MediaFixture.WIDTH, MediaFixture.HEIGHT));
                    }
                    if (camera != 0) {
                        muxer.write(camera, frame.millis(), keyframe, frame.data());
                    }
                }
            } else {
                CodedFrames.Frame frame = audio.get(a++);
                muxer.write(microphone, frame.millis(), true, frame.data());
            }
            if (sink.length() != before) {
                clusterEnds.add(sink.length());
            }
        }
        if (finish) {
            muxer.finish();
            clusterEnds.add(Files.size(file));
        } else {
            muxer.closeCluster();
            clusterEnds.add(sink.length());
            muxer.close();
        }
        return clusterEnds;
    }

    @Test
    void shouldWriteAFinishedFileThatFfprobeReadsWithItsDurationAndThatSeeks() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        Path file = directory.resolve("finished.webm");
        mux(file, 0, true);

        JsonNode probe = Probe.streams(file);
        assertThat(Probe.codecs(probe)).containsExactly("opus", "vp8");
        assertThat(probe.path("format").path("duration").asDouble()).isCloseTo(MILLIS / 1000.0, within(MILLIS / 1000.0 * 0.1));
        assertThat(probe.path("streams").get(1).path("width").asInt()).isEqualTo(MediaFixture.WIDTH);
        assertThat(probe.path("streams").get(0).path("tags").path("title").asText()).isEqualTo("doctor microphone");
        assertThat(Probe.variance(Probe.grayFrame(file, 3.0, MediaFixture.WIDTH, MediaFixture.HEIGHT)))
                .as("a frame found by seeking to 3 s is a test pattern").isGreaterThan(500);
        assertThat(Probe.decodedFrameTimes(file, "v:0")).hasSizeGreaterThan((int) (MILLIS / 1000 * MediaFixture.FPS) - 2);
    }

    @Test
    void shouldIndexTheFinishedFileFromTheSeekHeadAndSizeTheSegment() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        Path file = directory.resolve("indexed.webm");
        mux(file, 0, true);
        byte[] bytes = Files.readAllBytes(file);

        List<EbmlReader.Element> top = EbmlReader.children(bytes, 0, bytes.length);
        assertThat(top).extracting(EbmlReader.Element::id).containsExactly(WebmMuxer.EBML, WebmMuxer.SEGMENT);
        EbmlReader.Element segment = top.get(1);
        assertThat(segment.end()).as("the segment's size, filled in").isEqualTo(bytes.length);
        List<EbmlReader.Element> level1 = EbmlReader.children(bytes, segment.dataPosition(), segment.end());
        assertThat(level1.get(0).id()).isEqualTo(WebmMuxer.SEEK_HEAD);
        assertThat(level1.get(level1.size() - 1).id()).isEqualTo(WebmMuxer.CUES);
        assertThat(level1).extracting(EbmlReader.Element::id).contains(WebmMuxer.INFO, WebmMuxer.TRACKS, WebmMuxer.CLUSTER);

        for (EbmlReader.Element seek : EbmlReader.children(bytes, level1.get(0).dataPosition(), level1.get(0).end())) {
            if (seek.id() == WebmMuxer.SEEK) {
                List<EbmlReader.Element> fields = EbmlReader.children(bytes, seek.dataPosition(), seek.end());
                int id = (int) EbmlReader.uint(bytes, fields.get(0));
                long position = segment.dataPosition() + EbmlReader.uint(bytes, fields.get(1));
                assertThat(level1).as("the SeekHead points at the element it names")
                        .anySatisfy(element -> assertThat(element.position()).isEqualTo(position).satisfies(p ->
                                assertThat(element.id()).isEqualTo(id)));
            }
        }
        EbmlReader.Element cues = level1.get(level1.size() - 1);
        for (EbmlReader.Element point : EbmlReader.children(bytes, cues.dataPosition(), cues.end())) {
            EbmlReader.Element positions = EbmlReader.children(bytes, point.dataPosition(), point.end()).get(1);
            long cluster = segment.dataPosition()
                    + EbmlReader.uint(bytes, EbmlReader.children(bytes, positions.dataPosition(), positions.end()).get(1));
            assertThat(level1).as("each cue points at a cluster")
                    .anySatisfy(element -> assertThat(element.position()).isEqualTo(cluster));
        }
    }

    @Test
    void shouldDeclareATrackThatJoinsLateInTheHeaderSoEveryCopyHasIt() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        Path file = directory.resolve("late-camera.webm");
        List<Long> clusterEnds = mux(file, 2000, false);
        byte[] bytes = Files.readAllBytes(file);

        Path cut = directory.resolve("late-camera-cut.webm");
        Files.write(cut, Arrays.copyOf(bytes, (int) (long) clusterEnds.get(clusterEnds.size() - 2)));
        JsonNode probe = Probe.streams(cut);
        assertThat(Probe.codecs(probe)).containsExactly("opus", "vp8");
        List<Double> video = Probe.decodedFrameTimes(cut, "v:0");
        assertThat(video.get(0)).as("the camera starts where it joined").isCloseTo(2.0, within(0.05));
    }

    @Test
    void shouldPlayAnUnfinishedFileCutAnywhereUpToTheCut() throws Exception {
        assumeTrue(MediaFixture.available(), "ffmpeg and ffprobe are not installed");
        Path file = directory.resolve("unfinished.webm");
        List<Long> clusterEnds = mux(file, 0, false);
        byte[] bytes = Files.readAllBytes(file);

        for (int cluster : new int[] {0, 1, 2}) {
            long end = clusterEnds.get(cluster);
            for (long length : new long[] {end, end + 777}) {
                Path cut = directory.resolve("cut-" + length + ".webm");
                Files.write(cut, Arrays.copyOf(bytes, (int) Math.min(length, bytes.length)));

                assertThat(Probe.codecs(Probe.streams(cut))).as("cut at %d", length).containsExactly("opus", "vp8");
                List<Double> video = Probe.decodedFrameTimes(cut, "v:0");
                assertThat(video).as("cut at %d", length).isNotEmpty();
                assertThat(video.get(video.size() - 1)).as("cut after cluster %d", cluster)
                        .isGreaterThanOrEqualTo(cluster * 0.9);
            }
        }
    }

    @Test
    void shouldRefuseATrackWhenTheHeaderIsFullAndKeepTheOthers() throws Exception {
        WebmMuxer muxer = new WebmMuxer(FileWebmSink.create(directory.resolve("full.webm")), "test", Instant.now());
        int added = 0;
        try {
            while (added < 200) {
                muxer.addTrack(WebmTrack.opus("participant-" + added + " microphone"));
                added++;
            }
        } catch (IllegalStateException full) {
            assertThat(added).as("a full room's tracks fit").isGreaterThanOrEqualTo(24);
        }
        assertThat(added).isLessThan(200);
        int last = added;
        muxer.write(last, 0, true, new byte[] {0x4B, 0x41});
        assertThatThrownBy(() -> muxer.write(last + 1, 0, true, new byte[] {1})).isInstanceOf(IllegalArgumentException.class);
        muxer.finish();
    }
}
