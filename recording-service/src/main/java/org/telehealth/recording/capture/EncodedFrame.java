package org.telehealth.recording.capture;

/**
 * One whole coded frame of a track, put together from its RTP packets: an Opus packet, or a VP8/VP9
 * frame.
 *
 * @param rtpTimestamp the frame's RTP timestamp (32 bits, as on the wire)
 * @param keyframe whether a decoder can start here (every Opus packet can)
 * @param width the picture width a video keyframe announces, else 0
 * @param height likewise
 */
public record EncodedFrame(long rtpTimestamp, byte[] data, boolean keyframe, int width, int height) {

    public static EncodedFrame audio(long rtpTimestamp, byte[] data) {
        return new EncodedFrame(rtpTimestamp, data, true, 0, 0);
    }
}
