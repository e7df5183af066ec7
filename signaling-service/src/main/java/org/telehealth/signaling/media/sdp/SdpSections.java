package org.telehealth.signaling.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.telehealth.signaling.protocol.ErrorCode;
import org.telehealth.signaling.protocol.SignalingException;

/**
 * A small SDP reader, not a parser: it walks the lines once and keeps, per media section, the few
 * attributes signaling needs to tell pages what the others publish (kind, port, mid, direction,
 * msid stream id, {@code a=content}). Lines it does not know are skipped; validating an offer is
 * media-service's job.
 *
 * <pre>
 * v=0                                  session part: a direction here is every section's default
 * ...
 * m=video 9 UDP/TLS/RTP/SAVPF 96 97    a section: kind, port (0 = rejected, unless bundle-only)
 * a=bundle-only                        port 0 here only means "on the bundle's transport" (RFC 8843):
 *                                      Firefox offers every section but the first so
 * a=mid:1
 * a=sendonly                           direction (default sendrecv)
 * a=msid:&lt;stream id&gt; &lt;track id&gt;         or a=ssrc:&lt;ssrc&gt; msid:&lt;stream id&gt; &lt;track id&gt;
 * a=content:slides                     a screen share
 * </pre>
 */
public final class SdpSections {

    private static final Set<String> DIRECTIONS = Set.of("sendrecv", "sendonly", "recvonly", "inactive");
    private static final String NO_STREAM = "-";
    /** The placeholder port browsers write for a section that shares the bundle's transport. */
    private static final int BUNDLED_PORT = 9;

    private SdpSections() {
    }

    /** Refuses text that is plainly no SDP offer (no {@code v=0} first, or no media section), before media-service is asked. */
    public static void requireOffer(String sdp) {
        List<String> lines = lines(sdp);
        if (lines.isEmpty() || !"v=0".equals(lines.get(0).strip())) {
            throw new SignalingException(ErrorCode.INVALID_SDP, "the offer is no SDP: it must start with v=0");
        }
        if (lines.stream().noneMatch(line -> line.startsWith("m="))) {
            throw new SignalingException(ErrorCode.INVALID_SDP, "the offer has no media section");
        }
    }

    public static List<SdpSection> read(String sdp) {
        List<SdpSection> sections = new ArrayList<>();
        String sessionDirection = "sendrecv";
        Builder current = null;
        for (String line : lines(sdp)) {
            if (line.startsWith("m=")) {
                if (current != null) {
                    sections.add(current.build());
                }
                current = new Builder(line.substring(2), sessionDirection);
            } else if (line.startsWith("a=")) {
                String attribute = line.substring(2);
                if (current == null) {
                    if (DIRECTIONS.contains(attribute)) {
                        sessionDirection = attribute;
                    }
                } else {
                    current.attribute(attribute);
                }
            }
        }
        if (current != null) {
            sections.add(current.build());
        }
        return sections;
    }

    private static List<String> lines(String sdp) {
        List<String> lines = new ArrayList<>();
        for (String line : sdp.split("\r?\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static final class Builder {
        private final String kind;
        private final int port;
        private String mid;
        private String direction;
        private String streamId;
        private String ssrcStreamId;
        private boolean screen;
        private boolean bundleOnly;

        Builder(String media, String defaultDirection) {
            String[] fields = media.strip().split(" +");
            this.kind = fields[0];
            this.port = fields.length > 1 ? port(fields[1]) : 0;
            this.direction = defaultDirection;
        }

        void attribute(String attribute) {
            if (DIRECTIONS.contains(attribute)) {
                direction = attribute;
            } else if ("bundle-only".equals(attribute.strip())) {
                bundleOnly = true;
            } else if (attribute.startsWith("mid:")) {
                mid = attribute.substring(4).strip();
            } else if (attribute.startsWith("msid:") && streamId == null) {
                streamId = firstToken(attribute.substring(5));
            } else if (attribute.startsWith("ssrc:") && ssrcStreamId == null) {
                int msid = attribute.indexOf(" msid:");
                if (msid > 0) {
                    ssrcStreamId = firstToken(attribute.substring(msid + 6));
                }
            } else if (attribute.startsWith("content:")) {
                for (String content : attribute.substring(8).split(",")) {
                    screen |= "slides".equals(content.strip());
                }
            }
        }

        SdpSection build() {
            String stream = streamId != null ? streamId : ssrcStreamId;
            int effectivePort = port == 0 && bundleOnly ? BUNDLED_PORT : port;
            return new SdpSection(kind, effectivePort, mid, direction, stream == null || NO_STREAM.equals(stream) ? null : stream,
                    screen);
        }

        private static String firstToken(String value) {
            String[] tokens = value.strip().split(" +");
            return tokens[0].isEmpty() ? null : tokens[0];
        }

        private static int port(String field) {
            int slash = field.indexOf('/');
            try {
                return Integer.parseInt(slash < 0 ? field : field.substring(0, slash));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
