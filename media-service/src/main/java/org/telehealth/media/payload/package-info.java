/**
 * RTP payload formats of the video codecs the SFU forwards, read in place: VP8 (RFC 7741), VP9
 * (RFC 9628) and H.264 (RFC 6184). The SFU never decodes video; it looks into a payload only to see
 * where a keyframe starts (a simulcast layer switch can only happen there) and to renumber the
 * picture ids and TL0PICIDX that VP8 and VP9 decoders follow, so a receiver sees one continuous
 * stream across layer switches. {@link org.telehealth.media.payload.VideoPayloadFormat} picks the
 * format by codec name.
 */
package org.telehealth.media.payload;
