package org.telehealth.recording.capture;

/**
 * What a capture received and wrote so far.
 *
 * @param datagrams datagrams from the media-service
 * @param foreignDatagrams datagrams from any other address, dropped
 * @param malformed datagrams that were neither RTP nor RTCP, or descriptions that did not parse
 * @param tracks tracks described
 * @param tracksWritten tracks with a frame in the file
 * @param undescribed packets of SSRCs never described, dropped
 * @param lost packets given up as lost by the jitter buffers
 * @param duplicates packets dropped as duplicates
 * @param late packets that came after their place was given up
 * @param framesWritten frames in the file
 * @param framesBeforeKeyframe video frames dropped while a track waited for its first keyframe
 */
public record CaptureStats(long datagrams, long foreignDatagrams, long malformed, int tracks, int tracksWritten,
        long undescribed, long lost, long duplicates, long late, long framesWritten, long framesBeforeKeyframe) {
}
