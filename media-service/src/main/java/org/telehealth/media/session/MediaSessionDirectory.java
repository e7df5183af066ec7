package org.telehealth.media.session;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the session a datagram belongs to: STUN checks by the local ufrag in their USERNAME, and
 * everything else (DTLS, SRTP) by the source address that an accepted check bound to the session.
 * An address that never passed a check finds nothing, so its datagrams are dropped.
 */
public final class MediaSessionDirectory {

    private final Map<String, MediaSession> byUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, MediaSession> byAddress = new ConcurrentHashMap<>();

    public void register(MediaSession session) {
        byUfrag.put(session.localIce().ufrag(), session);
    }

    public void remove(MediaSession session) {
        byUfrag.remove(session.localIce().ufrag(), session);
        unbind(session);
    }

    /** The session answers to a new local ufrag (ICE restart): checks naming the earlier one find nothing. */
    void rekey(MediaSession session, String earlierUfrag) {
        byUfrag.remove(earlierUfrag, session);
        byUfrag.put(session.localIce().ufrag(), session);
    }

    /** Forgets every address bound to the session (a scan: only on removal and at a new ICE generation). */
    void unbind(MediaSession session) {
        byAddress.values().removeIf(s -> s == session);
    }

    Optional<MediaSession> byUfrag(String localUfrag) {
        return Optional.ofNullable(byUfrag.get(localUfrag));
    }

    Optional<MediaSession> byAddress(InetSocketAddress address) {
        return Optional.ofNullable(byAddress.get(address));
    }

    /** Binds an address that passed a check; an address moves to the session that validated it last. */
    void bind(InetSocketAddress address, MediaSession session) {
        byAddress.put(address, session);
    }

    public int size() {
        return byUfrag.size();
    }
}
