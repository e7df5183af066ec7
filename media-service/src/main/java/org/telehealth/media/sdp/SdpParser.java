package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the text of a session description into a {@link SessionDescription}. The text arrives from
 * a browser over signaling and is untrusted: it is bounded in size before anything else, every line
 * is checked against the grammar, and whatever is wrong ends in one {@link MalformedSdpException}
 * naming the line, never in another exception.
 *
 * <p>The session part must start with {@code v=}, {@code o=} and {@code s=}, in that order, and hold
 * exactly one {@code t=} line; {@code c=}, {@code b=} and {@code a=} lines may appear in any order
 * before the first {@code m=}. Inside a media section only {@code i=}, {@code c=}, {@code b=},
 * {@code k=} and {@code a=} lines are allowed.
 */
public final class SdpParser {

    /** Longest description accepted, in UTF-8 bytes; a browser offer with many transceivers stays well below. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    /** Most lines accepted. */
    public static final int MAX_LINES = 4_000;
    /** Most media sections accepted: a participant publishing and receiving a whole room fits. */
    public static final int MAX_MEDIA_SECTIONS = 64;

    private static final String IGNORED_SESSION_LINES = "iueprzk";
    private static final String IGNORED_MEDIA_LINES = "ik";

    private final List<SdpLine> lines;
    private int next;

    private SdpParser(List<SdpLine> lines) {
        this.lines = lines;
    }

    public static SessionDescription parse(String text) throws MalformedSdpException {
        Objects.requireNonNull(text, "text");
        return new SdpParser(SdpLines.split(text)).description();
    }

    private SessionDescription description() throws MalformedSdpException {
        if (lines.isEmpty()) {
            throw new MalformedSdpException(0, "the description is empty");
        }
        SdpLine version = expect('v');
        if (!version.value().equals("0")) {
            throw version.malformed("the only SDP version is 0, got " + version.quoted());
        }
        Origin origin = Origin.parse(expect('o'));
        String sessionName = expect('s').value();
        Optional<ConnectionData> connection = Optional.empty();
        List<Bandwidth> bandwidths = new ArrayList<>();
        Optional<Timing> timing = Optional.empty();
        List<SdpAttribute> attributes = new ArrayList<>();
        while (next < lines.size() && lines.get(next).type() != 'm') {
            SdpLine line = lines.get(next++);
            switch (line.type()) {
                case 'c' -> connection = Optional.of(onlyOne(connection, line, ConnectionData.parse(line)));
                case 'b' -> bandwidths.add(Bandwidth.parse(line));
                case 't' -> timing = Optional.of(onlyOne(timing, line, Timing.parse(line)));
                case 'a' -> attributes.add(SdpAttribute.parse(line));
                default -> requireIgnorable(line, IGNORED_SESSION_LINES, "in the session part");
            }
        }
        if (timing.isEmpty()) {
            throw new MalformedSdpException(Math.min(next + 1, lines.size()), "the session has no t= line");
        }
        List<MediaSection> sections = new ArrayList<>();
        while (next < lines.size()) {
            SdpLine mLine = lines.get(next++);
            if (sections.size() == MAX_MEDIA_SECTIONS) {
                throw mLine.malformed("more than " + MAX_MEDIA_SECTIONS + " media sections");
            }
            sections.add(mediaSection(mLine));
        }
        return new SessionDescription(0, origin, sessionName, connection, bandwidths, timing.get(), attributes, sections);
    }

    private MediaSection mediaSection(SdpLine mLine) throws MalformedSdpException {
        MediaSection section = MediaSection.parse(mLine);
        Optional<ConnectionData> connection = Optional.empty();
        List<Bandwidth> bandwidths = new ArrayList<>();
        List<SdpAttribute> attributes = new ArrayList<>();
        while (next < lines.size() && lines.get(next).type() != 'm') {
            SdpLine line = lines.get(next++);
            switch (line.type()) {
                case 'c' -> connection = Optional.of(onlyOne(connection, line, ConnectionData.parse(line)));
                case 'b' -> bandwidths.add(Bandwidth.parse(line));
                case 'a' -> attributes.add(SdpAttribute.parse(line));
                default -> requireIgnorable(line, IGNORED_MEDIA_LINES, "inside a media section");
            }
        }
        return section.with(connection, bandwidths, attributes);
    }

    private SdpLine expect(char type) throws MalformedSdpException {
        if (next >= lines.size()) {
            throw new MalformedSdpException(next + 1, "the description ends where its " + type + "= line should be");
        }
        SdpLine line = lines.get(next++);
        if (line.type() != type) {
            throw line.malformed("expected the " + type + "= line, got " + line.quoted());
        }
        return line;
    }

    private static <T> T onlyOne(Optional<T> earlier, SdpLine line, T parsed) throws MalformedSdpException {
        if (earlier.isPresent()) {
            throw line.malformed("a second " + line.type() + "= line where only one is allowed");
        }
        return parsed;
    }

    private static void requireIgnorable(SdpLine line, String allowed, String where) throws MalformedSdpException {
        if (allowed.indexOf(line.type()) < 0) {
            throw line.malformed(line.type() + "= is not allowed " + where);
        }
    }
}
