package org.telehealth.events.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.telehealth.events.EventCodec;
import org.telehealth.events.EventEnvelope;

/**
 * The appointment events' wire form, including the patient's account id that joined version 1 as
 * an optional field: events written before it existed read as "no account known".
 */
class AppointmentEventsTest {

    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
    private static final Instant STARTS = Instant.parse("2026-11-25T09:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-11-25T09:30:00Z");

    private final EventCodec codec = new EventCodec(AppointmentEvents.CATALOG);
    private final UUID appointment = UUID.randomUUID();
    private final UUID patient = UUID.randomUUID();

    @Test
    void shouldRoundTripABookingWithThePatientsAccountInVersionOne() {
        var event = EventEnvelope.of(new AppointmentScheduled(appointment, "dr-1", patient, STARTS, ENDS, 1, "kc-patient-1"), AT);

        byte[] bytes = codec.encode(event);

        assertThat(codec.decode(bytes)).isEqualTo(event);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"patientAccountId\":\"kc-patient-1\"")
                .contains("\"type\":\"appointment.scheduled\",\"version\":1");
    }

    @Test
    void shouldRoundTripANewTimeWithThePatientsAccountInVersionOne() {
        var event = EventEnvelope.of(new AppointmentRescheduled(appointment, "dr-1", patient, STARTS, ENDS, 2, "kc-patient-1"), AT);

        EventEnvelope<?> decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.version()).isEqualTo(1);
    }

    @Test
    void shouldReadABookingWrittenBeforeTheAccountFieldAsOneWithoutAccount() {
        String older = envelope("appointment.scheduled", "{\"appointmentId\":\"" + appointment + "\",\"doctorId\":\"dr-1\","
                + "\"patientId\":\"" + patient + "\",\"startsAt\":\"" + STARTS + "\",\"endsAt\":\"" + ENDS + "\",\"linkGeneration\":1}");

        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8)).data())
                .isEqualTo(new AppointmentScheduled(appointment, "dr-1", patient, STARTS, ENDS, 1, null));
    }

    @Test
    void shouldReadANewTimeWrittenBeforeTheAccountFieldAsOneWithoutAccount() {
        String older = envelope("appointment.rescheduled", "{\"appointmentId\":\"" + appointment + "\",\"doctorId\":\"dr-1\","
                + "\"patientId\":\"" + patient + "\",\"startsAt\":\"" + STARTS + "\",\"endsAt\":\"" + ENDS + "\",\"linkGeneration\":2}");

        assertThat(codec.decode(older.getBytes(StandardCharsets.UTF_8)).data())
                .isInstanceOfSatisfying(AppointmentRescheduled.class, moved -> {
                    assertThat(moved.patientAccountId()).isNull();
                    assertThat(moved.linkGeneration()).isEqualTo(2);
                });
    }

    @Test
    void shouldWriteAMissingAccountAsNull() {
        var event = EventEnvelope.of(new AppointmentScheduled(appointment, "dr-1", patient, STARTS, ENDS, 1), AT);

        assertThat(new String(codec.encode(event), StandardCharsets.UTF_8)).contains("\"patientAccountId\":null");
    }

    private static String envelope(String type, String data) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"version\":1,\"occurredAt\":\"" + AT
                + "\",\"data\":" + data + "}";
    }
}
