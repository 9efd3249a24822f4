package io.aftercare.clinic;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A clinic's choice of whether its texts are written in the GSM alphabet, as it reads and changes it. */
@AftercareTest
class ClinicSettingsTransliterationTest {

    @Test
    void shouldTransliterateByDefaultAndKeepTheClinicsChoice() {
        get().body("smsTransliteration", equalTo(true));

        put(settings(false)).statusCode(200).body("smsTransliteration", equalTo(false));
        get().body("smsTransliteration", equalTo(false))
                .body("quietHours.start", equalTo("21:00"))
                .body("optionalSteps", contains("sun-care"));

        put(settings(true)).statusCode(200).body("smsTransliteration", equalTo(true));
        get().body("smsTransliteration", equalTo(true));
    }

    @Test
    void shouldGoBackToTransliteratingWhenTheSettingIsLeftOut() {
        put(settings(false)).statusCode(200);

        Map<String, Object> without = settings(false);
        without.remove("smsTransliteration");
        put(without).statusCode(200).body("smsTransliteration", equalTo(true));
        Map<String, Object> asNull = settings(false);
        asNull.put("smsTransliteration", null);
        put(asNull).statusCode(200).body("smsTransliteration", equalTo(true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"yes\"", "\"off\"", "{}", "[true]", "\"\"", "1", "0", "\"true\"", "\"false\""})
    void shouldRefuseAValueThatIsNotABooleanNamingTheField(String value) {
        // Jackson alone reads 1, "false" and "" as a Boolean: a mistyped value must not become the clinic's setting.
        put(settings(false)).statusCode(200);

        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body("{\"quietHours\":null,\"optionalSteps\":[],\"smsTransliteration\":" + value + "}")
                .put("/v1/clinic/settings")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("smsTransliteration"))
                .body("errors[0].reason", equalTo("must be true or false"));

        get().body("smsTransliteration", equalTo(false)).body("quietHours.start", equalTo("21:00"));
    }

    private static Map<String, Object> settings(boolean transliterate) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("quietHours", Map.of("start", "21:00", "end", "08:00"));
        settings.put("optionalSteps", List.of("sun-care"));
        settings.put("smsTransliteration", transliterate);
        return settings;
    }

    private static ValidatableResponse get() {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clinic/settings")
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse put(Map<String, Object> body) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/v1/clinic/settings")
                .then();
    }
}
