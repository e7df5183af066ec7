package org.telehealth.signaling.cluster;

/** A fact about the people in a visit, applied by every instance's copy of the visit's room. */
public sealed interface VisitFact extends RoomFact
        permits MemberAnnounced, MemberLeft, AdmissionDecided, ChatSent, VisitEndedByHost {
}
