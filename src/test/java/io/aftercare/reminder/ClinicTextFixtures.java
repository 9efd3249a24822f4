package io.aftercare.reminder;

import static io.restassured.RestAssured.given;

import io.aftercare.client.Client;
import io.aftercare.support.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh clinic per test, its clients, and texts recorded for them, for the clinic-wide lists' tests. */
final class ClinicTextFixtures {

    record TestClinic(UUID id, String key) {}

    private static final AtomicInteger NUMBERS = new AtomicInteger(4000);

    private ClinicTextFixtures() {}

    static TestClinic newClinic() {
        ExtractableResponse<Response> created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Texts Clinic " + UUID.randomUUID(),
                        "timeZone", "America/Vancouver",
                        "locale", "en",
                        "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        return new TestClinic(UUID.fromString(created.path("clinic.id")), created.path("apiKey.key"));
    }

    /** Posts a session for a new client of the clinic; answers the client's internal id. */
    static UUID newClient(TestClinic clinic, OffsetDateTime sessionEnded) {
        Map<String, Object> session = Sessions.post(sessionEnded);
        Sessions.client(session).put("phone", "+1778555%04d".formatted(NUMBERS.incrementAndGet()));
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
        String externalId = (String) Sessions.client(session).get("id");
        return QuarkusTransaction.requiringNew()
                .call(() -> Client.findByExternalId(clinic.id(), externalId).orElseThrow().id);
    }

    /**
     * Records a clinic's own text to the client, due then and held (as for a number that opted out): the dispatcher
     * never takes a held text, so it stays where the test put it.
     */
    static UUID heldText(OneOffTexts texts, TestClinic clinic, UUID clientId, Instant dueAt) {
        return record(texts, clinic, clientId, dueAt, Optional.empty(), ReminderStatus.HELD);
    }

    /** Records a clinic's own text to the client, due then, for the dispatcher to send. */
    static UUID scheduledText(
            OneOffTexts texts, TestClinic clinic, UUID clientId, Instant dueAt, Optional<Instant> expiresAt) {
        return record(texts, clinic, clientId, dueAt, expiresAt, ReminderStatus.SCHEDULED);
    }

    private static UUID record(
            OneOffTexts texts,
            TestClinic clinic,
            UUID clientId,
            Instant dueAt,
            Optional<Instant> expiresAt,
            ReminderStatus status) {
        OneOffTexts.OneOff text = new OneOffTexts.OneOff(
                clinic.id(),
                clientId,
                TextKind.MANUAL,
                "manual",
                Optional.empty(),
                "Clinic: how is it healing?",
                dueAt,
                expiresAt,
                // Quiet hours would move the due time of a text the test sends at night.
                false,
                Optional.empty(),
                status);
        return QuarkusTransaction.requiringNew()
                .call(() -> texts.record(text, Instant.now()).id());
    }

    static ReminderStatus status(UUID textId) {
        return QuarkusTransaction.requiringNew().call(() -> Reminder.<Reminder>findById(textId).status);
    }
}
