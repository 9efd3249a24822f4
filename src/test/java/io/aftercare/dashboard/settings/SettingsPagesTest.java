package io.aftercare.dashboard.settings;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.aftercare.pause.SendingPauses;
import io.aftercare.support.Sessions;
import io.aftercare.support.StaffForms;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Settings pages over HTTP. Who may see and change them: a clinic's managers; its other staff see none of it, the
 * operator's users only read it, another clinic's ids are not found, and no form is taken without its CSRF token. And
 * what the browser test does not reach: refused forms, paging, the preview without JavaScript, French.
 */
@QuarkusTest
class SettingsPagesTest {

    private static final String HOOK = "http://127.0.0.1:9/settings-access";

    @Inject
    SendingPauses pauses;

    /** Every page of the Settings screens this class checks, for an endpoint of the clinic. */
    private static List<String> pages(String endpointId) {
        return List.of(
                "/app/settings",
                "/app/settings/sending",
                "/app/settings/wording",
                "/app/settings/wording/day-4/en",
                "/app/settings/keys",
                "/app/settings/webhooks",
                "/app/settings/webhooks/" + endpointId + "/deliveries");
    }

    /** Every form of the Settings screens this class posts, with fields that would change something. */
    private static Map<String, Map<String, String>> forms(SettingsClinic clinic, String endpointId) {
        return Map.of(
                "/app/settings/sending",
                Map.of("quietHours", "on", "quietHoursStart", "22:00", "quietHoursEnd", "06:00"),
                "/app/settings/wording/day-4/en",
                Map.of("template", "{clinicName}: {firstName}, rinse gently from today."),
                "/app/settings/wording/day-4/en/preview",
                Map.of("template", "{clinicName}: {firstName}, rinse gently from today."),
                "/app/settings/wording/day-4/en/reset",
                Map.of(),
                "/app/settings/keys",
                Map.of("label", "should not exist"),
                "/app/settings/keys/" + clinic.keyId() + "/revoke",
                Map.of(),
                "/app/settings/webhooks",
                Map.of("url", HOOK + "/new", "events", "reminder.sent"),
                "/app/settings/webhooks/" + endpointId + "/rotate",
                Map.of(),
                "/app/settings/webhooks/" + endpointId + "/delete",
                Map.of());
    }

    @Test
    void shouldForbidEverySettingsPageAndFormToStaffWhoAreNotManagers() {
        SettingsClinic clinic = SettingsClinic.create();
        String endpointId = clinic.endpoint(HOOK, List.of("reminder.sent"));
        String session = StaffForms.sessionOf(clinic.user("Sam Staff", "STAFF"));
        String before = settingsOf(clinic);

        for (String page : pages(endpointId)) {
            given().cookie(StaffForms.SESSION, session)
                    .redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(403)
                    .contentType(containsString("text/html"))
                    .body(containsString("Not allowed"));
        }
        forms(clinic, endpointId)
                .forEach((path, form) -> assertThat(StaffForms.post(path, session, "/app/today", form)
                                .statusCode())
                        .as(path)
                        .isEqualTo(403));

        assertNothingChanged(clinic, endpointId, before);
    }

    @Test
    void shouldLetAnOperatorReadSettingsButShowNoFormAndTakeNone() {
        SettingsClinic clinic = SettingsClinic.create();
        String endpointId = clinic.endpoint(HOOK, List.of("reminder.sent"));
        String before = settingsOf(clinic);
        String email = "operator-" + UUID.randomUUID() + "@example.com";
        String url = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "displayName", "Olu Operator"))
                .post("/admin/v1/staff")
                .then()
                .statusCode(201)
                .extract()
                .path("invitationUrl");
        StaffForms.setPassword(url.substring(url.lastIndexOf('/') + 1), StaffForms.PASSWORD);
        Map<String, String> cookies = Map.of(
                StaffForms.SESSION,
                StaffForms.sessionOf(email),
                "aftercare-clinic",
                clinic.id().toString());

        for (String page : pages(endpointId)) {
            if (page.contains("/wording/")) {
                continue; // the editor is a form: an operator reads the wordings on the list
            }
            String body = given().cookies(cookies)
                    .get(page)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(body).as(page).contains(clinic.name()).doesNotContain("action=\"/app/settings");
        }
        forms(clinic, endpointId).forEach((path, form) -> {
            StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/settings/sending", cookies);
            int status = given().cookies(cookies)
                    .cookie(StaffForms.CSRF, csrf.cookie())
                    .formParams(form)
                    .formParam(StaffForms.CSRF_FIELD, csrf.field())
                    .redirects()
                    .follow(false)
                    .post(path)
                    .statusCode();
            assertThat(status).as(path).isEqualTo(403);
        });

        assertNothingChanged(clinic, endpointId, before);
    }

    @Test
    void shouldAnswer404ForAnotherClinicsKeyOrEndpointAndChangeNothing() {
        SettingsClinic clinicA = SettingsClinic.create();
        SettingsClinic clinicB = SettingsClinic.create();
        // A second key, so that only the clinic scope (not the last-key rule) keeps B's first key alive.
        clinicB.api().post("/v1/clinic/api-keys").then().statusCode(201);
        String endpointOfB = clinicB.endpoint(HOOK + "/b", List.of("reminder.sent"));
        String managerOfA = clinicA.managerSession();

        for (String path : List.of(
                "/app/settings/keys/" + clinicB.keyId() + "/revoke",
                "/app/settings/webhooks/" + endpointOfB + "/rotate",
                "/app/settings/webhooks/" + endpointOfB + "/delete",
                "/app/settings/keys/" + UUID.randomUUID() + "/revoke",
                "/app/settings/keys/not-a-key/revoke",
                "/app/settings/webhooks/" + UUID.randomUUID() + "/delete",
                "/app/settings/webhooks/not-an-endpoint/rotate")) {
            ExtractableResponse<Response> answer = StaffForms.post(path, managerOfA, "/app/settings/keys", Map.of());
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).contains("text/html");
            assertThat(answer.body().asString()).as(path).doesNotContain(clinicB.name(), HOOK + "/b");
        }
        for (String page : List.of(
                "/app/settings/webhooks/" + endpointOfB + "/deliveries",
                "/app/settings/webhooks/not-an-endpoint/deliveries")) {
            given().cookie(StaffForms.SESSION, managerOfA)
                    .get(page)
                    .then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .body(not(containsString(HOOK + "/b")));
        }

        clinicB.api().get("/v1/clinic").then().statusCode(200);
        clinicB.api()
                .get("/v1/clinic/api-keys")
                .then()
                .statusCode(200)
                .body("find { it.id == '" + clinicB.keyId() + "' }.revokedAt", nullValue());
        clinicB.api()
                .get("/v1/clinic/webhooks")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(endpointOfB)))
                .body("[0].previousSecretValidUntil", nullValue());
    }

    @Test
    void shouldRefuseEachSettingsFormWithoutItsCsrfToken() {
        SettingsClinic clinic = SettingsClinic.create();
        String endpointId = clinic.endpoint(HOOK, List.of("reminder.sent"));
        String manager = clinic.managerSession();
        String before = settingsOf(clinic);
        StaffForms.Csrf csrf = StaffForms.csrfFrom("/app/settings/sending", Map.of(StaffForms.SESSION, manager));

        forms(clinic, endpointId).forEach((path, form) -> {
            // The CSRF cookie rides along, as it would on a forged cross-site post; the form's field is missing.
            int status = given().cookie(StaffForms.SESSION, manager)
                    .cookie(StaffForms.CSRF, csrf.cookie())
                    .formParams(form)
                    .redirects()
                    .follow(false)
                    .post(path)
                    .statusCode();
            assertThat(status).as(path).isEqualTo(403);
        });

        assertNothingChanged(clinic, endpointId, before);
    }

    @Test
    void shouldShowARefusedSendingFormAgainWithEachErrorNextToItsField() {
        SettingsClinic clinic = SettingsClinic.create();
        String manager = clinic.managerSession();
        String before = settingsOf(clinic);

        ExtractableResponse<Response> refused = StaffForms.post(
                "/app/settings/sending",
                manager,
                "/app/settings/sending",
                Map.of(
                        "quietHours", "on",
                        "quietHoursStart", "22:00",
                        "quietHoursEnd", "22:00",
                        "retentionDays", "12"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body().asString())
                .contains("id=\"quietHoursEnd-error\">The end must differ from the start")
                .contains("id=\"retentionDays-error\">Enter a number of days from 30 to 3650")
                .contains("value=\"12\"")
                .doesNotContain("id=\"quietHoursStart-error\"");
        assertThat(settingsOf(clinic)).isEqualTo(before);
    }

    @Test
    void shouldRefuseToRevokeTheLastKeyAndSayWhy() {
        SettingsClinic clinic = SettingsClinic.create();
        String manager = clinic.managerSession();

        ExtractableResponse<Response> refused = StaffForms.post(
                "/app/settings/keys/" + clinic.keyId() + "/revoke", manager, "/app/settings/keys", Map.of());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body().asString()).contains("This is the clinic&#39;s last active key");
        clinic.api().get("/v1/clinic").then().statusCode(200);
    }

    @Test
    void shouldAnswerANewKeyOnceWithoutARedirectOrCaching() {
        SettingsClinic clinic = SettingsClinic.create();
        String manager = clinic.managerSession();

        ExtractableResponse<Response> issued =
                StaffForms.post("/app/settings/keys", manager, "/app/settings/keys", Map.of("label", "Front desk"));

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
        Matcher shown = Pattern.compile("id=\"issued-key\">([^<]+)<")
                .matcher(issued.body().asString());
        assertThat(shown.find()).as("the key is on the page").isTrue();
        String key = shown.group(1);
        assertThat(key).startsWith("ak_");
        given().auth().oauth2(key).get("/v1/clinic").then().statusCode(200);
        String list = given().cookie(StaffForms.SESSION, manager)
                .get("/app/settings/keys")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list)
                .doesNotContain(key)
                .contains(key.substring(0, 10) + "…")
                .contains("Front desk");
    }

    @Test
    void shouldPageAnEndpointsDeliveries50AtATime() {
        SettingsClinic clinic = SettingsClinic.create();
        String endpointId = clinic.endpoint(HOOK, List.of("clinic.sending_paused", "clinic.sending_resumed"));
        for (int i = 0; i < 26; i++) { // 52 events, each delivered to the endpoint
            pauses.pause(clinic.id(), "21608: a test's pause");
            pauses.resume(clinic.id());
        }
        String manager = clinic.managerSession();
        String deliveries = "/app/settings/webhooks/" + endpointId + "/deliveries";

        String first = page(manager, deliveries, 200);
        assertThat(Pattern.compile("<tr class=\"delivery\">").matcher(first).results())
                .hasSize(50);
        Matcher next = Pattern.compile("href=\"(/app/settings/webhooks/[^\"]+cursor=([A-Za-z0-9_-]+))\" rel=\"next\"")
                .matcher(first);
        assertThat(next.find()).as("a link to the next page").isTrue();
        assertThat(next.group(2)).doesNotMatch("[0-9a-f-]{36}"); // opaque, not the API's cursor as is

        String second = page(manager, next.group(1), 200);
        assertThat(Pattern.compile("<tr class=\"delivery\">").matcher(second).results())
                .hasSize(2);
        assertThat(second).doesNotContain("rel=\"next\"").contains("Back to the first page");
        for (String stale : List.of("not*base64", "bm9uc2Vuc2U")) { // not base64; the base64 of "nonsense"
            assertThat(page(manager, deliveries + "?cursor=" + stale, 400))
                    .contains("This page of the list no longer exists")
                    .doesNotContain("<tr class=\"delivery\">");
        }
    }

    @Test
    void shouldAnswerThePreviewAsAFragmentAndWithoutJavaScriptAsTheWholeEditor() {
        SettingsClinic clinic = SettingsClinic.create();
        String manager = clinic.managerSession();
        String editor = "/app/settings/wording/day-4/en";
        Map<String, String> wording = Map.of("template", "{clinicName}: {firstName}, rinse gently from today.");

        ExtractableResponse<Response> fragment = StaffForms.post(editor + "/preview", manager, editor, wording);
        Map<String, String> pressed = new HashMap<>(wording);
        pressed.put("preview", "1");
        ExtractableResponse<Response> page = StaffForms.post(editor + "/preview", manager, editor, pressed);

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body().asString())
                .doesNotContain("<html")
                .contains(clinic.name() + ": Maximilianne-Jo, rinse gently from today.")
                .contains("GSM-7 · ")
                .contains("Saving would accept this text.");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString())
                .contains("<html")
                .contains("rinse gently from today.</textarea>")
                .contains("Saving would accept this text.");
        clinic.api().get("/v1/clinic/templates/day-4/en").then().body("overridden", equalTo(false));
    }

    @Test
    void shouldSpeakFrenchToABrowserThatAsksForIt() {
        SettingsClinic clinic = SettingsClinic.create();
        String manager = clinic.managerSession();

        String page = given().cookie(StaffForms.SESSION, manager)
                .header("Accept-Language", "fr-CA,fr;q=0.9")
                .get("/app/settings/sending")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(page)
                .contains("<legend>Heures de silence</legend>")
                .contains("l&#39;heure locale de chaque client")
                .doesNotContain("Quiet hours");
    }

    private static String page(String session, String path, int status) {
        return given().cookie(StaffForms.SESSION, session)
                .get(path)
                .then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
    }

    private static String settingsOf(SettingsClinic clinic) {
        return clinic.api()
                .get("/v1/clinic/settings")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static void assertNothingChanged(SettingsClinic clinic, String endpointId, String settingsBefore) {
        assertThat(settingsOf(clinic)).isEqualTo(settingsBefore);
        clinic.api().get("/v1/clinic/templates/day-4/en").then().statusCode(200).body("overridden", equalTo(false));
        clinic.api()
                .get("/v1/clinic/api-keys")
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].revokedAt", nullValue());
        clinic.api()
                .get("/v1/clinic/webhooks")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(endpointId)))
                .body("[0].previousSecretValidUntil", nullValue());
    }
}
