package io.aftercare.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.client.ClientSummaries;
import io.aftercare.client.ClientSummary;
import io.aftercare.reminder.ClinicText;
import io.aftercare.reminder.ClinicTextPage;
import io.aftercare.reminder.DueDay;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.Reminders;
import io.aftercare.reply.InboxEntry;
import io.aftercare.reply.Replies;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's data, seeded once, is what the dashboard's Today lists: texts due today, an urgent reply, a failure. */
@AftercareTest
class DemoDataTest {

    private static final ZoneId VANCOUVER = ZoneId.of("America/Vancouver");
    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-02T12:00:00-08:00");

    @Inject
    DemoData demoData;

    @Inject
    Reminders reminders;

    @Inject
    Replies replies;

    @Inject
    ClientSummaries summaries;

    @Inject
    TestClock clock;

    @Test
    void shouldSeedTextsDueTodayAnUrgentReplyAndAFailedTextOnce() {
        UUID clinic = newClinic();
        clock.setNow(NOON.toInstant());
        DueDay today = DueDay.of(NOON.toInstant(), VANCOUVER);

        demoData.seed(clinic);

        ClinicTextPage due = reminders.dueBetween(clinic, today.from(), today.to(), null, 50);
        assertThat(names(clinic, due.texts())).contains("Zoë Tremblay", "Noah Martin", "Sam Lee", "Ana Lima");
        List<InboxEntry> urgent =
                replies.inbox(clinic, "open", "urgent", null, 50).entries();
        assertThat(urgent)
                .singleElement()
                .satisfies(entry -> assertThat(entry.reply().body()).contains("bleeding"));
        assertThat(names(clinic, Set.of(urgent.get(0).client()))).containsExactly("Zoë Tremblay");
        // In the test's thread: the reads need its request context.
        await().pollInSameThread().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<ClinicText> failures = reminders
                    .needingAttention(clinic, NOON.minusDays(7).toInstant(), null, 50)
                    .texts();
            assertThat(failures).singleElement().satisfies(failed -> {
                assertThat(failed.status()).isEqualTo(ReminderStatus.FAILED);
                assertThat(failed.error()).isEqualTo("30003: the handset is unreachable (undelivered)");
                assertThat(names(clinic, Set.of(failed.clientId()))).containsExactly("Noah Martin");
            });
        });

        // A restart seeds again: nothing is added twice.
        List<UUID> textsBefore = dueToday(clinic, today);
        List<UUID> repliesBefore = replyIds(clinic);
        demoData.seed(clinic);

        assertThat(dueToday(clinic, today)).containsExactlyElementsOf(textsBefore);
        assertThat(replyIds(clinic)).hasSize(2).containsExactlyElementsOf(repliesBefore);
    }

    private List<UUID> dueToday(UUID clinic, DueDay today) {
        return reminders.dueBetween(clinic, today.from(), today.to(), null, 50).texts().stream()
                .map(ClinicText::id)
                .toList();
    }

    private List<UUID> replyIds(UUID clinic) {
        return replies.inbox(clinic, null, null, null, 50).entries().stream()
                .map(entry -> entry.reply().id())
                .toList();
    }

    private List<String> names(UUID clinic, List<ClinicText> texts) {
        return names(clinic, texts.stream().map(ClinicText::clientId).collect(Collectors.toSet()));
    }

    private List<String> names(UUID clinic, Set<UUID> clients) {
        return summaries.summaries(clinic, clients).values().stream()
                .map(ClientSummary::name)
                .toList();
    }

    private static UUID newClinic() {
        return UUID.fromString(given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Demo Clinic " + UUID.randomUUID(),
                        "timeZone", "America/Vancouver",
                        "locale", "en",
                        "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("clinic.id"));
    }
}
