package io.aftercare.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A body of the wrong media type is told which one the endpoint reads. */
@QuarkusTest
class UnsupportedMediaTypeTest {

    @Test
    void shouldNameTheFormMediaTypeOnTwilioWebhooks() {
        for (String webhook : new String[] {"/v1/twilio/status", "/v1/twilio/inbound"}) {
            given().contentType(ContentType.JSON)
                    .body("{\"MessageSid\":\"SM1\"}")
                    .post(webhook)
                    .then()
                    .statusCode(415)
                    .contentType("application/problem+json")
                    .body("status", equalTo(415))
                    .body("detail", equalTo("Send application/x-www-form-urlencoded"));
        }
    }

    @Test
    void shouldNameJsonOnTheJsonApi() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.TEXT)
                .body("session")
                .post("/v1/sessions")
                .then()
                .statusCode(415)
                .body("status", equalTo(415))
                .body("detail", equalTo("Send application/json"));
    }
}
