package io.aftercare.dashboard.clients;

import static io.aftercare.dashboard.clients.ClientsFixtures.client;
import static io.aftercare.support.TestClinics.numberEndingWith;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.clients.ClientsFixtures.PostedClient;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.CapturedLog;
import io.aftercare.support.StaffForms;
import io.aftercare.support.StaffForms.Csrf;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.aftercare.support.TwilioInbound;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Clients screen over HTTP: tenancy, roles, CSRF, the list's states and paging, the timeline's anchors. */
@AftercareTest
class ClientsPagesTest {

    private static final String NOT_FOUND = "There is nothing here, or it is not yours to see.";
    private static final Pattern NEXT_PAGE = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"");

    @Inject
    EntityManager entityManager;

    @Test
    void shouldAnswerClinicBsClientAndSessionWithTheSame404OnEveryRoute() {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        Clinic other = TestClinics.create("Bruno's Studio");
        PostedClient theirs = client(other, "Bruno", "Secretname", numberEndingWith("5555"));
        String session = StaffForms.sessionOf(ClientsFixtures.staff(clinic, "Sam Staff", "STAFF"));
        List<String> pages = List.of(
                "/app/clients/" + theirs.id(),
                "/app/sessions/" + theirs.sessionId() + "/cancel",
                "/app/clients/" + theirs.sessionId(),
                "/app/sessions/" + theirs.id() + "/cancel",
                "/app/clients/" + UUID.randomUUID(),
                "/app/clients/not-a-uuid",
                "/app/clients/" + theirs.id().toString().toUpperCase().replace('-', 'x'),
                "/app/sessions/not-a-uuid/cancel");

        for (String page : pages) {
            String body = given().cookie(StaffForms.SESSION, session)
                    .redirects()
                    .follow(false)
                    .get(page)
                    .then()
                    .statusCode(404)
                    .contentType(containsString("text/html"))
                    .extract()
                    .asString();
            assertThat(body).as(page).contains(NOT_FOUND).satisfies(text -> tellsNothingOf(text, other, theirs));
        }
        Csrf csrf = StaffForms.csrfFrom("/app/clients", Map.of(StaffForms.SESSION, session));
        for (String action : List.of(
                "/app/sessions/" + theirs.sessionId() + "/cancel",
                "/app/sessions/" + theirs.id() + "/cancel",
                "/app/sessions/not-a-uuid/cancel")) {
            String body = post(action, Map.of(StaffForms.SESSION, session), csrf)
                    .statusCode(404)
                    .extract()
                    .asString();
            assertThat(body).as(action).contains(NOT_FOUND).satisfies(text -> tellsNothingOf(text, other, theirs));
        }
        assertThat(ClientsFixtures.sessionStatus(other, theirs.sessionId())).isEqualTo("ACTIVE");
    }

    @Test
    void shouldLetAnOperatorReadATimelineButNeitherOpenNorPostTheCancel() {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        PostedClient zoe = client(clinic, "Zoë", "Tremblay", numberEndingWith("0123"));
        Map<String, String> operator = Map.of(
                StaffForms.SESSION,
                StaffForms.sessionOf(ClientsFixtures.operator("Olga Operator")),
                DashboardScope.OPERATOR_CLINIC_COOKIE,
                clinic.id().toString());

        String timeline = timeline(operator, zoe);
        assertThat(timeline).contains("Zoë Tremblay").doesNotContain("/cancel");
        given().cookies(operator)
                .get("/app/sessions/" + zoe.sessionId() + "/cancel")
                .then()
                .statusCode(403);
        Csrf csrf = StaffForms.csrfFrom("/app/clients/" + zoe.id(), operator);
        post("/app/sessions/" + zoe.sessionId() + "/cancel", operator, csrf).statusCode(403);

        assertThat(ClientsFixtures.sessionStatus(clinic, zoe.sessionId())).isEqualTo("ACTIVE");
    }

    @Test
    void shouldRefuseTheCancelFormWithoutItsTokenAndCancelWithIt() {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        PostedClient zoe = client(clinic, "Zoë", "Tremblay", numberEndingWith("0123"));
        Map<String, String> staff =
                Map.of(StaffForms.SESSION, StaffForms.sessionOf(ClientsFixtures.staff(clinic, "Sam", "STAFF")));
        String action = "/app/sessions/" + zoe.sessionId() + "/cancel";
        Csrf csrf = StaffForms.csrfFrom(action, staff);

        given().cookies(staff)
                .cookie(StaffForms.CSRF, csrf.cookie())
                .redirects()
                .follow(false)
                .post(action)
                .then()
                .statusCode(403);
        given().cookies(staff).redirects().follow(false).post(action).then().statusCode(403);
        post(action, staff, new Csrf(csrf.cookie(), "forged" + csrf.field())).statusCode(403);
        assertThat(ClientsFixtures.sessionStatus(clinic, zoe.sessionId())).isEqualTo("ACTIVE");

        post(action, staff, csrf)
                .statusCode(303)
                .header("Location", containsString("/app/clients/" + zoe.id() + "?done=cancelled"));
        assertThat(ClientsFixtures.sessionStatus(clinic, zoe.sessionId())).isEqualTo("CANCELLED");
        assertThat(given().cookies(staff)
                        .get(action)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains("This session was cancelled already.")
                .doesNotContain("<form method=\"post\" action=\"" + action);
    }

    @Test
    void shouldAnchorEachReplyAndShowTheOptOut() {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        PostedClient zoe = client(clinic, "Zoë", "Tremblay", numberEndingWith("0123"));
        Map<String, String> staff =
                Map.of(StaffForms.SESSION, StaffForms.sessionOf(ClientsFixtures.staff(clinic, "Sam", "STAFF")));
        TwilioInbound.text(zoe.phone(), "can I <b>swim</b> yet?").statusCode(200);
        String replyId = given().auth()
                .oauth2(clinic.key())
                .get("/v1/replies")
                .then()
                .statusCode(200)
                .extract()
                .path("replies[0].id");

        String timeline = timeline(staff, zoe);
        assertThat(timeline)
                .contains("id=\"reply-" + replyId + "\"", "can I &lt;b&gt;swim&lt;/b&gt; yet?", "Receiving texts")
                .doesNotContain("<b>swim</b>");

        TwilioInbound.text(zoe.phone(), "STOP").statusCode(200);
        assertThat(timeline(staff, zoe)).contains("Opted out on", "until they reply START");
        assertThat(given().cookies(staff)
                        .header("Accept-Language", "fr-CA,fr;q=0.9")
                        .get("/app/clients/" + zoe.id())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .contains(
                        "<html lang=\"fr\">",
                        "Désinscrit·e le",
                        "Réponse du ou de la client·e",
                        "Séance de traitement 1");
    }

    @Test
    void shouldPageTheListShowItsEmptyStatesAndRefuseABadSearchOrCursor() {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        Map<String, String> staff =
                Map.of(StaffForms.SESSION, StaffForms.sessionOf(ClientsFixtures.staff(clinic, "Sam", "STAFF")));
        assertThat(list(staff, "/app/clients", 200)).contains("class=\"empty\"", "No client yet.");

        Instant start = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 51; i++) {
            insertClient(clinic, "Ann%02d".formatted(i), "Pagina", "+1604555%04d".formatted(1000 + i), start);
        }
        String first = list(staff, "/app/clients?q=pagi", 200);
        assertThat(first).contains("Ann00 Pagina", "…1000").doesNotContain("+16045551000", "Ann50 Pagina");
        Matcher next = NEXT_PAGE.matcher(first);
        assertThat(next.find()).isTrue();
        String second = list(staff, next.group(1).replace("&amp;", "&"), 200);
        assertThat(second).contains("Ann50 Pagina", "Back to the first page").doesNotContain("Ann49 Pagina");
        assertThat(NEXT_PAGE.matcher(second).find()).isFalse();

        assertThat(list(staff, "/app/clients?q=nobody", 200)).contains("class=\"empty\"", "No client matches “nobody”");
        assertThat(list(staff, "/app/clients?q=pagi&cursor=bm90LWEtY3Vyc29y", 200))
                .contains("This page of the list no longer exists", "href=\"/app/clients?q=pagi\"")
                .doesNotContain("Ann00 Pagina");
        assertThat(list(staff, "/app/clients?q=" + "a".repeat(101), 422))
                .contains("aria-invalid=\"true\"", "Use at most 100 characters");
    }

    @Test
    void shouldNeverLogTheSearchWords() {
        Clinic clinic = TestClinics.create("Ink & Scalp");
        Map<String, String> staff =
                Map.of(StaffForms.SESSION, StaffForms.sessionOf(ClientsFixtures.staff(clinic, "Sam", "STAFF")));
        String searched = "Privatename" + UUID.randomUUID().toString().substring(0, 8);

        try (CapturedLog log = CapturedLog.start()) {
            list(staff, "/app/clients?q=" + searched, 200);
            list(staff, "/app/clients?q=" + searched + "&cursor=garbage", 200);
            list(staff, "/app/clients?q=" + searched + "x".repeat(100), 422);

            assertThat(log.text()).doesNotContainIgnoringCase(searched);
        }
    }

    private static String timeline(Map<String, String> cookies, PostedClient client) {
        return given().cookies(cookies)
                .get("/app/clients/" + client.id())
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static String list(Map<String, String> cookies, String path, int status) {
        return given().cookies(cookies)
                .urlEncodingEnabled(false)
                .get(path)
                .then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
    }

    private static ValidatableResponse post(String path, Map<String, String> cookies, Csrf csrf) {
        Map<String, String> withCsrf = new HashMap<>(cookies);
        withCsrf.put(StaffForms.CSRF, csrf.cookie());
        return given().cookies(withCsrf)
                .formParam(StaffForms.CSRF_FIELD, csrf.field())
                .redirects()
                .follow(false)
                .post(path)
                .then();
    }

    private static void tellsNothingOf(String page, Clinic other, PostedClient theirs) {
        assertThat(page).doesNotContain("Bruno", "Secretname", theirs.phone(), theirs.externalId(), other.name());
    }

    private void insertClient(Clinic clinic, String firstName, String lastName, String phone, Instant at) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery(
                                "INSERT INTO client (id, clinic_id, external_id, first_name, last_name, phone,"
                                        + " time_zone, locale, created_at, updated_at) VALUES (:id, :clinic, :externalId,"
                                        + " :first, :last, :phone, 'America/Vancouver', 'en', :at, :at)")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("clinic", clinic.id())
                        .setParameter("externalId", "client-" + UUID.randomUUID())
                        .setParameter("first", firstName)
                        .setParameter("last", lastName)
                        .setParameter("phone", phone)
                        .setParameter("at", at)
                        .executeUpdate());
    }
}
