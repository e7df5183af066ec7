package org.telehealth.events;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event records a consumer understands, looked up by (type, version). Decoding goes through a
 * catalog so that an unknown or retired event is recognised as such instead of being half-read.
 */
public final class EventCatalog {

    private final Map<String, Class<? extends Record>> byKey;

    private EventCatalog(Collection<Class<? extends Record>> records) {
        this.byKey = records.stream().collect(Collectors.toUnmodifiableMap(EventCatalog::keyOf, Function.identity()));
    }

    /** A catalog of the given event records; each must carry {@link EventType}, and no two the same one. */
    @SafeVarargs
    public static EventCatalog of(Class<? extends Record>... records) {
        return new EventCatalog(List.of(records));
    }

    /** The record class registered for this type and version, if any. */
    public Optional<Class<? extends Record>> find(String type, int version) {
        return Optional.ofNullable(byKey.get(type + "@v" + version));
    }

    static EventType typeOf(Class<?> record) {
        EventType declared = record.getAnnotation(EventType.class);
        if (declared == null) {
            throw new IllegalArgumentException(record.getName() + " is not annotated with @EventType");
        }
        return declared;
    }

    private static String keyOf(Class<? extends Record> record) {
        EventType declared = typeOf(record);
        return declared.name() + "@v" + declared.version();
    }
}
