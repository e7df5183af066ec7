package org.telehealth.events;

import java.util.List;

/**
 * The Kafka topics of the platform. Each is described in docs/architecture.md (event catalog): who
 * produces, who consumes, and which record key keeps related events in order.
 */
public final class Topics {

    /** Appointment lifecycle from scheduling-service; key: appointment id. */
    public static final String APPOINTMENTS = "telehealth.appointments";
    /** What happens in a visit, from signaling-service; key: visit (appointment) id. */
    public static final String VISITS = "telehealth.visits";
    /** Media sessions and instance load reports from media-service; key: room id or instance id. */
    public static final String MEDIA = "telehealth.media";
    /** Recording requests and outcomes; key: visit id. */
    public static final String RECORDINGS = "telehealth.recordings";
    /**
     * Internal to signaling-service: what its instances tell each other about visits in progress
     * (participants, admissions, chat, ends, media placement); key: visit id; kept for an hour.
     */
    public static final String SIGNALING_ROOMS = "telehealth.signaling-rooms";

    /** Every topic above: what a deployment creates before the services start (Strimzi's KafkaTopics, the local broker). */
    public static final List<String> ALL = List.of(APPOINTMENTS, VISITS, MEDIA, RECORDINGS, SIGNALING_ROOMS);

    private Topics() {
    }
}
