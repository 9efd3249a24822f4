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
import io.aftercare.support.StaffForms;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
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

    @Inject
    DemoData demoData;

    @Inject
    Reminders reminders;

    @Inject
    Replies replies;

    @Inject
    ClientSummaries summaries;

    @Test
    void shouldSeedTextsDueTodayAnUrgentReplyAndAFailedTextOnce() {
        String key = newClinic();
        UUID clinic = UUID.fromString(given().auth()
                .oauth2(key)
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .extract()
                .path("id"));
        Instant now = Instant.now();
        DueDay today = DueDay.of(now, VANCOUVER);

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
                    .needingAttention(clinic, now.minus(Duration.ofDays(7)), null, 50)
                    .texts();
            assertThat(failures).singleElement().satisfies(failed -> {
                assertThat(failed.status()).isEqualTo(ReminderStatus.FAILED);
                assertThat(failed.error()).isEqualTo("30003: the handset is unreachable (undelivered)");
                assertThat(names(clinic, Set.of(failed.clientId()))).containsExactly("Noah Martin");
            });
        });

        // What the clinic's staff then see on Today.
        String page = given().cookie(StaffForms.SESSION, StaffForms.sessionOf(manager(key)))
                .get("/app/today")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(page)
                .contains("My scalp is bleeding a bit where it was treated and it won&#39;t stop")
                .contains("Noah Martin", "30003: the handset is unreachable (undelivered)")
                .contains("Zoë Tremblay", "Sam Lee", "Ana Lima")
                .contains("09:00 · America/Toronto");

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

    /**
     * A clinic without quiet hours, on the real clock, so that the demo's texts go out at whatever hour the test runs
     * (the demo's own clinic keeps its quiet hours: at night its texts wait for the morning).
     */
    private static String newClinic() {
        String key = given().auth()
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
                .path("apiKey.key");
        Map<String, Object> settings = new HashMap<>();
        settings.put("quietHours", null);
        settings.put("optionalSteps", List.of());
        given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(settings)
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
        return key;
    }

    /** A manager of the clinic with this key, their password set; answers their address. */
    private static String manager(String key) {
        String email = "demo-" + UUID.randomUUID() + "@example.com";
        String url = given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "Demo Tester", "role", "MANAGER"))
                .post("/v1/clinic/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        StaffForms.setPassword(url.substring(url.lastIndexOf('/') + 1), StaffForms.PASSWORD);
        return email;
    }
}
