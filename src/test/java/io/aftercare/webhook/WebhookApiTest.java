package io.aftercare.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration's rules, each refusal naming its field, and every endpoint of the API scoped to the caller's clinic. */
@QuarkusTest
@TestProfile(WebhookProfile.class)
class WebhookApiTest {

    private static final String RECEIVER = "http://127.0.0.1:9/hook";

    @Test
    void shouldAnswerTheSecretOnceAndListEndpointsWithoutIt() {
        Clinic clinic = TestClinics.create();

        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER, "events", List.of("reply.received", "reminder.failed")))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(201)
                .header("Location", containsString("/v1/clinic/webhooks/"))
                .body("id", notNullValue())
                .body("url", equalTo(RECEIVER))
                .body("events", equalTo(List.of("reply.received", "reminder.failed")))
                .body("secret", startsWith("whsec_"));

        given().auth()
                .oauth2(clinic.key())
                .get("/v1/clinic/webhooks")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].events", equalTo(List.of("reply.received", "reminder.failed")))
                .body(not(containsString("whsec_")))
                .body("[0].secret", nullValue());
    }

    @Test
    void shouldRefuseWhatIsNotAUrl() {
        refused(Map.of("url", "not a url", "events", List.of("reply.received")), "url", "is not");
        refused(Map.of("url", "ftp://hooks.example.com/in", "events", List.of("reply.received")), "url", "http");
        refused(
                Map.of("url", "https://user:secret@hooks.example.com/in", "events", List.of("reply.received")),
                "url",
                "user name or password");
        refused(Map.of("events", List.of("reply.received")), "url", "is required");
    }

    @Test
    void shouldRefuseAShortSecret() {
        String shortSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[16]);
        refused(
                Map.of("url", RECEIVER, "events", List.of("reply.received"), "secret", shortSecret),
                "secret",
                "too short");
        refused(Map.of("url", RECEIVER, "events", List.of("reply.received"), "secret", "hunter2"), "secret", "whsec_");
    }

    @Test
    void shouldRefuseAnUnknownEventTypeNamingItsIndex() {
        refused(
                Map.of("url", RECEIVER, "events", List.of("reply.received", "reply.deleted")),
                "events[1]",
                "reply.received");
        refused(Map.of("url", RECEIVER, "events", List.of()), "events", "at least one");
    }

    @Test
    void shouldNameEveryBadFieldAtOnce() {
        given().auth()
                .oauth2(TestClinics.create().key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "nope", "events", List.of("nope"), "secret", "nope"))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("url", "events[0]", "secret")));
    }

    @Test
    void shouldLimitTheEndpointsOfAClinic() {
        Clinic clinic = TestClinics.create();
        for (int i = 0; i < 10; i++) {
            TestClinics.registerWebhook(clinic, RECEIVER + i, List.of("reply.received"));
        }

        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER, "events", List.of("reply.received")))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForAnotherClinicsEndpoint() {
        Clinic owner = TestClinics.create();
        Clinic other = TestClinics.create();
        String id = TestClinics.registerWebhook(owner, RECEIVER, List.of("reply.received"))
                .path("id");
        String somebodysDelivery = UUID.randomUUID().toString();

        given().auth()
                .oauth2(other.key())
                .delete("/v1/clinic/webhooks/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(other.key())
                .post("/v1/clinic/webhooks/" + id + "/secret")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(other.key())
                .get("/v1/clinic/webhooks/" + id + "/deliveries")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(other.key())
                .post("/v1/clinic/webhooks/" + id + "/deliveries/" + somebodysDelivery + "/retry")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(other.key())
                .get("/v1/clinic/webhooks")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        // The owner still has it, untouched.
        given().auth()
                .oauth2(owner.key())
                .get("/v1/clinic/webhooks")
                .then()
                .statusCode(200)
                .body("[0].id", equalTo(id));
    }

    @Test
    void shouldDeleteAnEndpointOnce() {
        Clinic clinic = TestClinics.create();
        String id = TestClinics.registerWebhook(clinic, RECEIVER, List.of("reply.received"))
                .path("id");

        given().auth()
                .oauth2(clinic.key())
                .delete("/v1/clinic/webhooks/" + id)
                .then()
                .statusCode(204);

        given().auth()
                .oauth2(clinic.key())
                .delete("/v1/clinic/webhooks/" + id)
                .then()
                .statusCode(404);
        given().auth().oauth2(clinic.key()).get("/v1/clinic/webhooks").then().body("$", hasSize(0));
    }

    @Test
    void shouldRefuseAnUnknownCursorAndAnUnauthenticatedCaller() {
        Clinic clinic = TestClinics.create();
        String id = TestClinics.registerWebhook(clinic, RECEIVER, List.of("reply.received"))
                .path("id");

        given().auth()
                .oauth2(clinic.key())
                .get("/v1/clinic/webhooks/" + id + "/deliveries?cursor=yesterday")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().get("/v1/clinic/webhooks").then().statusCode(401);
    }

    private static void refused(Map<String, Object> body, String field, String reason) {
        given().auth()
                .oauth2(TestClinics.create().key())
                .contentType(ContentType.JSON)
                .body(new HashMap<>(body))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].reason", containsString(reason));
    }
}
