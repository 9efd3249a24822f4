package io.aftercare.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The names, masked numbers and zones a clinic-wide list shows of its clients: the clinic's own only. */
@AftercareTest
class ClientSummariesTest {

    private static final OffsetDateTime ENDED = OffsetDateTime.parse("2026-11-02T11:00:00-08:00");

    @Inject
    ClientSummaries summaries;

    @Test
    void shouldSummariseTheClinicsClientsWithTheNumberMasked() {
        Clinic clinic = newClinic();
        UUID zoe = client(clinic, "Zoë", "Tremblay", "+16045550123", "Pacific/Auckland");
        UUID sam = client(clinic, "Sam", null, "+16045550188", "America/Vancouver");

        Map<UUID, ClientSummary> found = summaries.summaries(clinic.id(), Set.of(zoe, sam));

        assertThat(found.get(zoe))
                .returns("Zoë Tremblay", ClientSummary::name)
                .returns("…0123", ClientSummary::maskedPhone)
                .returns(ZoneId.of("Pacific/Auckland"), ClientSummary::zone)
                .returns(false, ClientSummary::erased);
        assertThat(found.get(sam)).returns("Sam", ClientSummary::name).returns("…0188", ClientSummary::maskedPhone);
        assertThat(summaries.summaries(clinic.id(), Set.of())).isEmpty();
    }

    @Test
    void shouldLeaveOutAnotherClinicsClientAndShowAnErasedOneAsErased() {
        Clinic clinic = newClinic();
        Clinic other = newClinic();
        UUID own = client(clinic, "Zoë", "Tremblay", "+16045550124", "America/Vancouver");
        UUID erased = client(clinic, "Ana", "Lima", "+16045550125", "America/Toronto");
        UUID othersClient = client(other, "Zoë", "Tremblay", "+16045550126", "America/Vancouver");
        String erasedExternalId = externalId(erased);
        // A text being sent at that moment makes erasure wait: it answers 409 until the send is over.
        await().atMost(Duration.ofSeconds(15))
                .until(() -> given().auth()
                                .oauth2(clinic.key())
                                .delete("/v1/clients/" + erasedExternalId)
                                .statusCode()
                        == 200);

        Map<UUID, ClientSummary> found = summaries.summaries(clinic.id(), Set.of(own, erased, othersClient));

        assertThat(found).containsOnlyKeys(own, erased);
        assertThat(found.get(erased))
                .returns(true, ClientSummary::erased)
                .returns("", ClientSummary::name)
                .returns("", ClientSummary::maskedPhone)
                .returns(ZoneId.of("America/Toronto"), ClientSummary::zone);
        assertThat(summaries.summaries(other.id(), Set.of(own, erased))).isEmpty();
    }

    private record Clinic(UUID id, String key) {}

    private static Clinic newClinic() {
        ExtractableResponse<Response> created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Summaries Clinic " + UUID.randomUUID(),
                        "timeZone", "America/Vancouver",
                        "locale", "en",
                        "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        return new Clinic(UUID.fromString(created.path("clinic.id")), created.path("apiKey.key"));
    }

    private static UUID client(Clinic clinic, String firstName, String lastName, String phone, String zone) {
        Map<String, Object> session = Sessions.post(ENDED);
        Map<String, Object> client = Sessions.client(session);
        client.put("firstName", firstName);
        if (lastName == null) {
            client.remove("lastName");
        } else {
            client.put("lastName", lastName);
        }
        client.put("phone", phone);
        client.put("timeZone", zone);
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201);
        String externalId = (String) client.get("id");
        return QuarkusTransaction.requiringNew()
                .call(() -> Client.findByExternalId(clinic.id(), externalId).orElseThrow().id);
    }

    private static String externalId(UUID clientId) {
        return QuarkusTransaction.requiringNew().call(() -> Client.<Client>findById(clientId).externalId);
    }
}
