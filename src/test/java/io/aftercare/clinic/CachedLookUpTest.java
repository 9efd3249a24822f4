package io.aftercare.clinic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.aftercare.config.AftercareConfig;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * API keys, clinics and their wordings are read from memory on a post: changed through this node they apply at once,
 * changed by another node (here: plain SQL, as another node writes) within {@code aftercare.auth.cache-ttl}.
 */
@AftercareTest
class CachedLookUpTest {

    private static final String DAY_FOUR = "reminders.find { it.step == 'day-4' }.body";

    private static final String TEMPLATE_OVERRIDE = "io.aftercare.template.TemplateOverride";

    @Inject
    AftercareConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void shouldPostWithoutReadingTheKeyTheClinicOrItsWordingsAgain() {
        TestClinics.Clinic clinic = TestClinics.create();
        given().auth()
                .oauth2(clinic.key())
                .contentType(ContentType.JSON)
                .body(Map.of("template", "{firstName}, rinse gently and pat dry."))
                .put("/v1/clinic/templates/day-4/en")
                .then()
                .statusCode(200);
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        assertThat(statistics.isStatisticsEnabled()).isTrue();
        TestClinics.client(clinic, "Sam", "Lee", TestClinics.numberEndingWith("0101"));
        long keysBefore = loads(statistics, ApiKey.class.getName());
        long clinicsBefore = loads(statistics, Clinic.class.getName());
        long wordingsBefore = loads(statistics, TEMPLATE_OVERRIDE);
        long started = System.nanoTime();

        int posts = 10;
        for (int i = 0; i < posts; i++) {
            TestClinics.client(clinic, "Sam", "Lee", TestClinics.numberEndingWith("0101"));
        }

        // Read again only when what was read has expired: at most once per TTL gone by (each post read each before).
        long allowed = 1
                + Duration.ofNanos(System.nanoTime() - started).toMillis()
                        / config.auth().cacheTtl().toMillis();
        assertThat(loads(statistics, ApiKey.class.getName()) - keysBefore).isLessThanOrEqualTo(allowed);
        assertThat(loads(statistics, Clinic.class.getName()) - clinicsBefore).isLessThanOrEqualTo(allowed);
        assertThat(loads(statistics, TEMPLATE_OVERRIDE) - wordingsBefore).isLessThanOrEqualTo(allowed);
        assertThat(allowed).isLessThan(posts);
    }

    @Test
    void shouldApplyARevocationSettingsAndWordingsChangedThroughThisNodeAtOnce() {
        TestClinics.Clinic clinic = TestClinics.create();
        String secondKey = issueKey(clinic);
        given().auth().oauth2(clinic.key()).get("/v1/clinic").then().statusCode(200);
        preview(secondKey).body(DAY_FOUR, not(containsString("pat dry softly"))).body(DAY_FOUR, containsString("Zoe"));

        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinic.id() + "/api-keys/" + clinic.keyId())
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(secondKey)
                .contentType(ContentType.JSON)
                .body(Map.of("smsTransliteration", false, "optionalSteps", List.of()))
                .put("/v1/clinic/settings")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(secondKey)
                .contentType(ContentType.JSON)
                .body(Map.of("template", "{firstName}, pat dry softly."))
                .put("/v1/clinic/templates/day-4/en")
                .then()
                .statusCode(200);

        given().auth().oauth2(clinic.key()).get("/v1/clinic").then().statusCode(401);
        preview(secondKey).body(DAY_FOUR, containsString("Zoë, pat dry softly"));
    }

    @Test
    void shouldApplyWhatAnotherNodeChangedWithinTheTtl() throws Exception {
        TestClinics.Clinic clinic = TestClinics.create();
        String secondKey = issueKey(clinic);
        given().auth().oauth2(clinic.key()).get("/v1/clinic").then().statusCode(200);
        preview(secondKey).body(DAY_FOUR, not(containsString("pat dry softly"))).body(DAY_FOUR, containsString("Zoe"));

        sql("UPDATE api_key SET revoked_at = now() WHERE id = ?", clinic.keyId());
        sql("UPDATE clinic SET sms_transliteration = false WHERE id = ?", clinic.id());
        sql(
                "INSERT INTO template_override (id, clinic_id, step, language, template, updated_at)"
                        + " VALUES (gen_random_uuid(), ?, 'day-4', 'en', '{firstName}, pat dry softly.', now())",
                clinic.id());

        await().atMost(config.auth().cacheTtl().plusSeconds(3))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    given().auth().oauth2(clinic.key()).get("/v1/clinic").then().statusCode(401);
                    preview(secondKey).body(DAY_FOUR, containsString("Zoë, pat dry softly"));
                });
    }

    private static long loads(Statistics statistics, String entity) {
        return statistics.getEntityStatistics(entity).getLoadCount();
    }

    private static String issueKey(TestClinics.Clinic clinic) {
        return given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .post("/admin/v1/clinics/" + clinic.id() + "/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
    }

    private static ValidatableResponse preview(String key) {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusHours(1));
        Sessions.client(session).put("firstName", "Zoë");
        return given().auth()
                .oauth2(key)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions/preview")
                .then()
                .statusCode(200);
    }

    private void sql(String statement, UUID id) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }
}
