package org.telehealth.signaling.room;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.telehealth.events.visit.VisitEvent;
import org.telehealth.signaling.cluster.VisitFact;

/** A room's bus in unit tests: keeps the visit events, facts and notices of one instance, in order. */
final class RecordingBus implements RoomBus {

    final List<VisitEvent> events = new ArrayList<>();
    final List<VisitFact> facts = new ArrayList<>();
    final List<CallNotice> notices = new ArrayList<>();
    private final String instance;
    private long lastSeq;
    private long lastSeat;

    RecordingBus(String instance) {
        this.instance = instance;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public void happened(VisitEvent event) {
        events.add(event);
    }

    @Override
    public long tell(LongFunction<? extends VisitFact> fact) {
        facts.add(fact.apply(++lastSeq));
        return lastSeq;
    }

    @Override
    public void notice(CallNotice notice) {
        notices.add(notice);
    }

    @Override
    public long newSeat() {
        return ++lastSeat;
    }

    /** The facts told since the last call, which are then forgotten. */
    List<VisitFact> drainFacts() {
        List<VisitFact> told = List.copyOf(facts);
        facts.clear();
        return told;
    }
}
