package org.telehealth.media.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code a=simulcast:send <streams> [recv <streams>]} (RFC 8853): the layers a browser sends, in
 * its order of preference, each a {@code ;}-separated stream of {@code ,}-separated alternative rids,
 * a rid starting with {@code ~} being paused at first. The SFU receives and answers
 * {@code a=simulcast:recv} with the layers it takes.
 */
public record Simulcast(List<Stream> send, List<Stream> receive) {

    /** One simulcast stream: the rids that may carry it, the writer's preferred first. */
    public record Stream(List<Alternative> alternatives) {

        public Stream {
            alternatives = List.copyOf(alternatives);
            if (alternatives.isEmpty()) {
                throw new IllegalArgumentException("a simulcast stream has at least one rid");
            }
        }

        String sdpValue() {
            return String.join(",", alternatives.stream().map(Alternative::sdpValue).toList());
        }
    }

    /** A rid in a simulcast stream, possibly paused ({@code ~}). */
    public record Alternative(String rid, boolean paused) {

        public Alternative {
            if (!Rid.isRidId(rid)) {
                throw new IllegalArgumentException("not a rid: " + SdpLine.quoted(rid));
            }
        }

        String sdpValue() {
            return (paused ? "~" : "") + rid;
        }
    }

    private static final String FORM = "send <rid>[,<rid>];... [recv ...], or the same starting with recv";

    public Simulcast {
        send = List.copyOf(send);
        receive = List.copyOf(receive);
        if (send.isEmpty() && receive.isEmpty()) {
            throw new IllegalArgumentException("a simulcast attribute has a send or a recv list");
        }
    }

    static Simulcast parse(String value) throws UnacceptableOfferException {
        String[] fields = value.strip().split(" ", -1);
        if (fields.length != 2 && fields.length != 4) {
            throw UnacceptableOfferException.malformed("simulcast", value, FORM);
        }
        Optional<List<Stream>> send = Optional.empty();
        Optional<List<Stream>> receive = Optional.empty();
        for (int i = 0; i < fields.length; i += 2) {
            List<Stream> streams = streams(fields[i + 1], value);
            if (fields[i].equals("send") && send.isEmpty()) {
                send = Optional.of(streams);
            } else if (fields[i].equals("recv") && receive.isEmpty()) {
                receive = Optional.of(streams);
            } else {
                throw UnacceptableOfferException.malformed("simulcast", value, FORM);
            }
        }
        return new Simulcast(send.orElse(List.of()), receive.orElse(List.of()));
    }

    private static List<Stream> streams(String list, String value) throws UnacceptableOfferException {
        List<Stream> streams = new ArrayList<>();
        for (String stream : list.split(";", -1)) {
            List<Alternative> alternatives = new ArrayList<>();
            for (String alternative : stream.split(",", -1)) {
                boolean paused = alternative.startsWith("~");
                String rid = paused ? alternative.substring(1) : alternative;
                if (!Rid.isRidId(rid)) {
                    throw UnacceptableOfferException.malformed("simulcast", value, FORM);
                }
                alternatives.add(new Alternative(rid, paused));
            }
            streams.add(new Stream(alternatives));
        }
        return streams;
    }

    String sdpValue() {
        List<String> directions = new ArrayList<>();
        if (!send.isEmpty()) {
            directions.add("send " + String.join(";", send.stream().map(Stream::sdpValue).toList()));
        }
        if (!receive.isEmpty()) {
            directions.add("recv " + String.join(";", receive.stream().map(Stream::sdpValue).toList()));
        }
        return String.join(" ", directions);
    }
}
