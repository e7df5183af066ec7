package org.telehealth.media.room;

/**
 * The RTP header extension ids a participant's last answer settled, {@link #ABSENT} for an extension
 * it did not keep. In a BUNDLE group one id means one extension in every section (RFC 8843 §9.1),
 * so one set serves all the participant's sections: the media path reads the mid and rids of what
 * they publish with it, and writes the abs-send-time and audio level of what they receive.
 */
public record ExtensionIds(int mid, int rtpStreamId, int repairedRtpStreamId, int absSendTime, int audioLevel) {

    public static final int ABSENT = 0;
    public static final ExtensionIds NONE = new ExtensionIds(ABSENT, ABSENT, ABSENT, ABSENT, ABSENT);

    public ExtensionIds {
        for (int id : new int[] {mid, rtpStreamId, repairedRtpStreamId, absSendTime, audioLevel}) {
            if (id < 0 || id > 255) {
                throw new IllegalArgumentException("header extension id " + id + " outside 0..255");
            }
        }
    }
}
