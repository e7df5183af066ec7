package org.telehealth.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event record on the wire. The pair (name, version) is what consumers switch on, so a
 * record's fields may only change together with a new version, apart from adding an optional field
 * whose absence means what older producers meant ({@link EventCodec}); old versions stay readable
 * until every producer has moved on (see docs/architecture.md, event catalog).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Dotted, past-tense name, e.g. {@code appointment.scheduled}. */
    String name();

    /** Schema version of the record, starting at 1. */
    int version();
}
