package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.aftercare.support.CapturedLog;
import io.aftercare.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A control or formatting character in any text field is a 400 naming that field: it never reaches the database (a NUL
 * breaks the insert) and nothing of the post (number, names) reaches the log.
 */
@QuarkusTest
class ControlCharacterTest {

    private static final String PHONE_DIGITS = "6045550177";

    @ParameterizedTest(name = "{0} with U+{1}")
    @CsvSource({
        "firstName, 0000",
        "firstName, 0007",
        "firstName, 0085",
        "firstName, 202E",
        "firstName, E000",
        "lastName, 0000",
        "lastName, 001B",
        "lastName, 2066",
        "phone, 0000",
        "timeZone, 0000",
        "locale, 0000",
    })
    void shouldRefuseTheClientFieldAndLogNothingOfTheClient(String field, String codePoint) {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(5));
        Sessions.client(session).put("phone", "+1 " + PHONE_DIGITS);
        Sessions.client(session).put("firstName", "Philippa");
        Sessions.client(session).put("lastName", "Quennell");
        String value = String.valueOf(Sessions.client(session).get(field));
        Sessions.client(session)
                .put(
                        field,
                        value.substring(0, 2)
                                + Character.toString(Integer.parseInt(codePoint, 16))
                                + value.substring(2));

        try (CapturedLog log = CapturedLog.start()) {
            org.jboss.logging.Logger.getLogger(ControlCharacterTest.class).info("capturing");
            given().auth()
                    .oauth2(Sessions.CLINIC_KEY)
                    .contentType(ContentType.JSON)
                    .body(session)
                    .when()
                    .post("/v1/sessions")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("client." + field));

            assertThat(log.text())
                    .contains("capturing")
                    .doesNotContain(PHONE_DIGITS)
                    .doesNotContain("Philippa")
                    .doesNotContain("Quennell");
        }
    }

    @ParameterizedTest(name = "clinic {0}")
    @CsvSource({"name, 0000", "name, 009B", "phone, 0000", "timeZone, 0000", "locale, 0000", "region, 0000"})
    void shouldRefuseAClinicFieldWithAControlCharacter(String field, String codePoint) {
        Map<String, String> clinic = new java.util.HashMap<>(Map.of(
                "name",
                "Control Clinic",
                "phone",
                "604 555 0100",
                "timeZone",
                "America/Vancouver",
                "locale",
                "en",
                "region",
                "CA"));
        String value = clinic.get(field);
        clinic.put(field, value.charAt(0) + Character.toString(Integer.parseInt(codePoint, 16)) + value.substring(1));

        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(clinic)
                .when()
                .post("/admin/v1/clinics")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(field))
                .body("errors.reason", hasItem(containsString("control")));
    }
}
