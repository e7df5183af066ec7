package org.telehealth.scheduling.reminder.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telehealth.infra.testing.KafkaTestResource;
import org.telehealth.infra.testing.PostgresTestResource;
import org.telehealth.infra.testing.TokenIssuerTestResource;
import org.telehealth.scheduling.joinlink.JoinLinkClaims;
import org.telehealth.scheduling.joinlink.JoinLinkVerifier;
import org.telehealth.scheduling.testsupport.CapturedLog;
import org.telehealth.scheduling.testsupport.Database;
import org.telehealth.scheduling.testsupport.SchedulingApi;

/**
 * Reminder emails as patients get them (the mock mailbox of the test profile), sent by the job over
 * the real database: once per link generation, with a link that verifies against the service's JWKS.
 * The job also runs on its own every minute; the assertions hold whichever run sends.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(TokenIssuerTestResource.class)
class ReminderJobTest {

    private static final Pattern TOKEN = Pattern.compile("#t=([A-Za-z0-9_.-]+)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    ReminderJob job;

    @Inject
    MockMailbox mailbox;

    @Inject
    AgroalDataSource dataSource;

    private final SchedulingApi api = new SchedulingApi();
    private final String email = "patient." + UUID.randomUUID() + "@example.test";
    private final Instant inThreeHours = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
    private String patient;

    @BeforeEach
    void registerPatient() {
        patient = api.registerPatient(email);
    }

    @Test
    void shouldRemindOnceWithAJoinLinkThatVerifiesAndLogNeitherAddressNorText() {
        String id = api.booked(patient, inThreeHours, 30);

        List<Mail> mails;
        try (CapturedLog log = CapturedLog.open()) {
            sendDue();
            sendDue();
            mails = mailbox.getMailsSentTo(email);
            assertThat(mails).hasSize(1);
            assertThat(log.text()).doesNotContain(email).doesNotContain(tokenIn(mails.get(0)))
                    .doesNotContain("video visit");
        }

        Mail mail = mails.get(0);
        assertThat(mail.getSubject()).startsWith("Reminder: your video visit on");
        assertThat(mail.getText()).contains(TIME.format(inThreeHours.atZone(ZoneOffset.UTC)) + " (UTC)")
                .contains("http://localhost:8082/visit/" + id + "#t=");
        JoinLinkClaims claims = verify(tokenIn(mail), inThreeHours);
        assertThat(claims.visit()).hasToString(id);
        assertThat(claims.participant()).hasToString(patient);
        assertThat(claims.generation()).isEqualTo(1);
    }

    @Test
    void shouldNotRemindACancelledVisit() {
        String id = api.booked(patient, inThreeHours.plus(10, ChronoUnit.MINUTES), 30);
        api.cancel(id).then().statusCode(200);

        sendDue();

        assertThat(mailbox.getMailsSentTo(email)).isEmpty();
    }

    @Test
    void shouldRemindAgainWithTheNewLinkAfterAReschedule() {
        Instant first = inThreeHours.plus(20, ChronoUnit.MINUTES);
        String id = api.booked(patient, first, 30);
        sendDue();
        Instant later = inThreeHours.plus(2, ChronoUnit.HOURS);
        api.reschedule(id, later, 30).then().statusCode(200);

        sendDue();
        sendDue();

        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(2);
        assertThat(verify(tokenIn(mails.get(0)), first).generation()).isEqualTo(1);
        assertThat(verify(tokenIn(mails.get(1)), later).generation()).isEqualTo(2);
        assertThat(mails.get(1).getText()).contains(TIME.format(later.atZone(ZoneOffset.UTC)) + " (UTC)");
    }

    @Test
    void shouldSendOneStartsSoonReminderForAVisitBookedMinutesAhead() {
        Instant soon = Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        api.booked(patient, soon, 15);

        sendDue();
        sendDue();

        assertThat(mailbox.getMailsSentTo(email)).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).startsWith("Your video visit starts soon"));
    }

    @Test
    void shouldShowTheTimeInTheDoctorsZoneWhenTheirScheduleHasOne() {
        new Database(dataSource).update("insert into doctor_schedule (doctor_id, time_zone, slot_minutes) values (?, ?, ?)",
                api.doctorId(), "Asia/Tokyo", 30);
        api.booked(patient, inThreeHours.plus(30, ChronoUnit.MINUTES), 30);

        sendDue();

        String tokyo = TIME.format(inThreeHours.plus(30, ChronoUnit.MINUTES).atZone(ZoneId.of("Asia/Tokyo")));
        assertThat(mailbox.getMailsSentTo(email)).singleElement()
                .satisfies(mail -> assertThat(mail.getText()).contains(tokyo + " (Asia/Tokyo)"));
    }

    @Test
    void shouldSendEachReminderOnceWhenSeveralJobsRunAtOnce() throws Exception {
        api.booked(patient, inThreeHours.plus(40, ChronoUnit.MINUTES), 30);
        ExecutorService instances = Executors.newFixedThreadPool(4);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(instances.submit(this::sendDue));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        instances.shutdown();

        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
    }

    @Test
    void shouldNotRemindVisitsBeyondTheLeadOrPatientsWithoutEmail() {
        String farAway = api.booked(patient, inThreeHours.plus(2, ChronoUnit.DAYS), 30);
        String noEmail = api.booked(api.registerPatient(null), inThreeHours.plus(50, ChronoUnit.MINUTES), 30);

        sendDue();

        assertThat(mailbox.getMailsSentTo(email)).isEmpty();
        Database database = new Database(dataSource);
        assertThat(database.value("select reminder_generation from appointment where id = ?", UUID.fromString(farAway))).isNull();
        assertThat(database.value("select reminder_generation from appointment where id = ?", UUID.fromString(noEmail))).isNull();
    }

    /** One run of the job, as the scheduler starts it: on a Vert.x context. */
    private int sendDue() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> job.sendDue());
        } catch (Throwable e) {
            throw new AssertionError("the reminder job failed", e);
        }
    }

    private static String tokenIn(Mail mail) {
        Matcher token = TOKEN.matcher(mail.getText());
        assertThat(token.find()).as("a join link in the email").isTrue();
        return token.group(1);
    }

    private static JoinLinkClaims verify(String token, Instant at) {
        String jwks = given().when().get("/.well-known/join-link-jwks.json").then().statusCode(200).extract().asString();
        return JoinLinkVerifier.forJwks(jwks, "telehealth-scheduling", "telehealth-visit", Clock.fixed(at, ZoneOffset.UTC))
                .verify(token);
    }
}
