package org.telehealth.signaling.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The participants of a visit whose sockets other instances hold, by participant id, and the seats
 * that are over (left, or taken over by a later claim): a fact about a seat that is over comes late
 * and changes nothing. Guarded by the room's lock.
 */
final class RemoteMembers {

    private final Map<String, RemoteMember> byId = new LinkedHashMap<>();
    private final Set<String> over = new HashSet<>();

    RemoteMember get(String participantId) {
        return byId.get(participantId);
    }

    boolean isOver(String seat) {
        return over.contains(seat);
    }

    void end(String seat) {
        over.add(seat);
    }

    /** Keeps the member; another seat of theirs that it replaces is over. Returns the one replaced, if any. */
    RemoteMember put(RemoteMember member) {
        RemoteMember before = byId.put(member.id(), member);
        if (before != null && !before.seat().equals(member.seat())) {
            over.add(before.seat());
        }
        return before;
    }

    /** Drops the member; their seat is over. */
    RemoteMember remove(String participantId) {
        RemoteMember removed = byId.remove(participantId);
        if (removed != null) {
            over.add(removed.seat());
        }
        return removed;
    }

    List<MemberView> in(MemberView.Place place) {
        return byId.values().stream().map(RemoteMember::view).filter(view -> view.place() == place).toList();
    }

    /** Members last heard before {@code cutoff}. */
    List<RemoteMember> heardBefore(Instant cutoff) {
        return byId.values().stream().filter(member -> member.heardAt().isBefore(cutoff)).toList();
    }

    /** Whether no participant of another instance is known (seats that are over do not count). */
    boolean isEmpty() {
        return byId.isEmpty();
    }

    List<RemoteMember> all() {
        return new ArrayList<>(byId.values());
    }

    void clear() {
        byId.values().forEach(member -> over.add(member.seat()));
        byId.clear();
    }
}
