package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

    @Test
    void shouldScheduleThePlanForANewSession() {
        given().auth().oauth2("test-clinic-key-0123456789abcdef0123456789")
                .contentType("application/json")
                .body("""
                        {"sessionId":"clinic-8812","client":{"id":"client-311","firstName":"Sam","lastName":"Lee",
                        "phone":"+1 604 555 0123","timeZone":"America/Vancouver","locale":"en"},
                        "endedAt":"2026-11-20T18:30:00-08:00","sessionNumber":1,"finalSession":false,"kind":"TREATMENT"}
                        """)
                .when().post("/v1/sessions")
                .then().log().all().statusCode(201)
                .body("reminders", hasSize(4))
                .body("reminders[0].step", equalTo("days-1-3"));
    }
}
