package io.aftercare.page;

import static io.aftercare.page.PageFixtures.post;
import static io.aftercare.page.PageFixtures.session;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.aftercare.page.PageFixtures.Posted;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.PagesOnProfile;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /a/{token}/calendar.ics, read back by a real iCalendar parser (ical4j). */
@AftercareTest
@TestProfile(PagesOnProfile.class)
class ClientCalendarTest {

    /**
     * A Vancouver session on the Friday before daylight saving time ends (Sunday 2026-11-01): day 1 is in PDT (UTC-7),
     * day 4 in PST (UTC-8), so 09:00 on day 4 is 17:00Z, not the 16:00Z it would be without the change.
     */
    private static final OffsetDateTime ENDED = OffsetDateTime.parse("2026-10-30T12:00:00-07:00");

    @Inject
    TestClock clock;

    @Inject
    PageRequestLimit limit;

    @BeforeEach
    void startCounting() {
        limit.forgetAll();
    }

    @Test
    void shouldHoldOneEventPerRemainingStepAtItsTextsDueInstantAcrossTheDstChange() throws Exception {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(session(ENDED, "America/Vancouver", "en", "Zoë"));
        Map<String, Instant> stillToCome = scheduledAfter(posted.sessionId(), clock.instant());
        assertThat(stillToCome).containsOnlyKeys("day-4", "day-10", "day-15");
        assertThat(stillToCome.get("day-4")).isEqualTo(Instant.parse("2026-11-02T17:00:00Z"));

        Response download = given().get("/a/{token}/calendar.ics", posted.token());

        download.then()
                .statusCode(200)
                .header("Content-Type", "text/calendar; charset=utf-8")
                .header("Content-Disposition", containsString("attachment"))
                .header("Cache-Control", "no-store")
                .header("X-Robots-Tag", "noindex")
                .header("Referrer-Policy", "no-referrer");
        String ics = download.body().asString();
        assertThat(ics).contains("DTSTART:20261102T170000Z").doesNotContain("DTSTART:20261102T160000Z");
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        assertThat(calendar.<Property>getProperty(Property.VERSION)
                        .orElseThrow()
                        .getValue())
                .isEqualTo("2.0");
        assertThat(calendar.<Property>getProperty(Property.PRODID).orElseThrow().getValue())
                .isEqualTo(AftercareCalendar.PRODUCT);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(stillToCome.size());
        assertThat(events.stream().map(ClientCalendarTest::start))
                .containsExactlyInAnyOrderElementsOf(stillToCome.values());

        String link = PagesOnProfile.BASE_URL + "/a/" + posted.token();
        AftercareGuide.Language english = PageFixtures.guide().languages().get("en");
        VEvent dayFour = events.stream()
                .filter(event -> start(event).equals(stillToCome.get("day-4")))
                .findFirst()
                .orElseThrow();
        assertThat(value(dayFour, Property.SUMMARY))
                .isEqualTo(
                        "Test Clinic: " + english.phaseOf("day-4").orElseThrow().title());
        for (VEvent event : events) {
            assertThat(value(event, Property.DTSTAMP)).endsWith("Z");
            assertThat(value(event, Property.DURATION)).isEqualTo("PT15M");
            assertThat(value(event, Property.URL)).isEqualTo(link);
            assertThat(value(event, Property.DESCRIPTION)).contains(link);
            assertThat(value(event, Property.SUMMARY)).startsWith("Test Clinic: ");
            assertThat(value(event, Property.UID)).endsWith("@care.example");
        }
        List<String> uids = uids(events);
        assertThat(uids).doesNotHaveDuplicates();

        // A second download, a minute later, names the same events.
        clock.setNow(clock.instant().plusSeconds(60));
        Calendar again = new CalendarBuilder()
                .build(new StringReader(given().get("/a/{token}/calendar.ics", posted.token())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()));
        assertThat(uids(again.getComponents(Component.VEVENT))).containsExactlyElementsOf(uids);
    }

    @Test
    void shouldLeaveOutStepsThatArePast() throws Exception {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(session(ENDED, "America/Vancouver", "en", "Zoë"));
        Map<String, Instant> due = scheduledAfter(posted.sessionId(), clock.instant());

        clock.setNow(due.get("day-4").plusSeconds(3600));
        Calendar calendar = new CalendarBuilder()
                .build(new StringReader(given().get("/a/{token}/calendar.ics", posted.token())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()));

        assertThat(calendar.<VEvent>getComponents(Component.VEVENT).stream().map(ClientCalendarTest::start))
                .containsExactlyInAnyOrder(due.get("day-10"), due.get("day-15"));
    }

    @Test
    void shouldOfferNoCalendarOnceEveryStepHasPassed() {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(session(ENDED, "America/Vancouver", "en", "Zoë"));
        given().get("/a/{token}", posted.token()).then().body(containsString("calendar.ics"));

        clock.setNow(ClientPageTest.lastDueAt(Sessions.CLINIC_KEY, posted.sessionId())
                .plusSeconds(60));

        given().get("/a/{token}", posted.token()).then().statusCode(200).body(not(containsString("calendar.ics")));
        given().get("/a/{token}/calendar.ics", posted.token())
                .then()
                .statusCode(404)
                .contentType("text/html")
                .body(containsString("No steps left"));
    }

    @Test
    void shouldOfferNoCalendarForACancelledSession() {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(session(ENDED, "America/Vancouver", "en", "Zoë"));
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .delete("/v1/sessions/{id}", posted.sessionId())
                .then()
                .statusCode(200);

        given().get("/a/{token}/calendar.ics", posted.token())
                .then()
                .statusCode(410)
                .body(not(containsString("BEGIN:VCALENDAR")));
    }

    @Test
    void shouldTitleTheEventsInTheClientsLanguage() throws Exception {
        clock.setNow(ENDED.plusMinutes(5).toInstant());
        Posted posted = post(session(ENDED, "America/Montreal", "fr", "Zoë"));
        AftercareGuide.Language french = PageFixtures.guide().languages().get("fr");

        Calendar calendar = new CalendarBuilder()
                .build(new StringReader(given().get("/a/{token}/calendar.ics", posted.token())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString()));

        assertThat(calendar.<VEvent>getComponents(Component.VEVENT).stream()
                        .map(event -> value(event, Property.SUMMARY)))
                .contains(
                        "Test Clinic: " + french.phaseOf("day-4").orElseThrow().title());
    }

    /** The session's texts still to go out after {@code now}, by step, as the clinic's API shows them. */
    private static Map<String, Instant> scheduledAfter(String sessionId, Instant now) {
        JsonPath session = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/{id}", sessionId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, Instant> due = new LinkedHashMap<>();
        List<Map<String, Object>> texts = session.getList("reminders");
        for (Map<String, Object> text : texts) {
            Instant at = Instant.parse((String) text.get("dueAt"));
            if ("SCHEDULED".equals(text.get("status")) && at.isAfter(now)) {
                due.put((String) text.get("step"), at);
            }
        }
        return due;
    }

    private static Instant start(VEvent event) {
        DtStart<?> start = event.getDateTimeStart();
        return Instant.from((TemporalAccessor) start.getDate());
    }

    private static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }

    private static List<String> uids(List<VEvent> events) {
        return events.stream().map(event -> value(event, Property.UID)).toList();
    }
}
