package org.telehealth.media.sdp;

/**
 * One {@code <type>=<value>} line of a session description with its 1-based position, so that
 * every parser of a field can say where the text went wrong.
 */
record SdpLine(int number, char type, String value) {

    private static final int EXCERPT_LENGTH = 60;

    MalformedSdpException malformed(String problem) {
        return new MalformedSdpException(number, problem);
    }

    /** The line as written, quoted and cut short so that an error message never echoes kilobytes of input. */
    String quoted() {
        return quoted(type + "=" + value);
    }

    static String quoted(String text) {
        return "'" + (text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "…") + "'";
    }
}
