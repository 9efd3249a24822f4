package io.aftercare.clinic;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.aftercare.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClinicAdminResourceTest {

    @Test
    void shouldOnboardAClinicWhoseKeyThenWorks() {
        var created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        "North Shore SMP",
                        "phone",
                        "604 555 0100",
                        "timeZone",
                        "America/Vancouver",
                        "locale",
                        "en",
                        "region",
                        "ca"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("clinic.phone", equalTo("+16045550100"))
                .body("clinic.region", equalTo("CA"))
                .body("apiKey.key", startsWith("ak_"))
                .extract();

        given().auth()
                .oauth2(created.<String>path("apiKey.key"))
                .get("/v1/clinic")
                .then()
                .statusCode(200)
                .body("name", equalTo("North Shore SMP"))
                .body("id", equalTo(created.path("clinic.id")));
    }

    @Test
    void shouldRotateAKeyWithoutDowntime() {
        String clinicId = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("name", "Rotating Clinic", "timeZone", "Europe/Paris", "locale", "fr", "region", "FR"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract()
                .path("clinic.id");
        var keys = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics/" + clinicId + "/api-keys")
                .then()
                .statusCode(200)
                .extract();
        String oldKeyId = keys.path("[0].id");
        String newKey = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .post("/admin/v1/clinics/" + clinicId + "/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");

        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .delete("/admin/v1/clinics/" + clinicId + "/api-keys/" + oldKeyId)
                .then()
                .statusCode(200)
                .body("revokedAt", notNullValue());

        given().auth().oauth2(newKey).get("/v1/clinic").then().statusCode(200).body("id", equalTo(clinicId));
        given().auth()
                .oauth2(newKey)
                .get("/v1/clinic/api-keys")
                .then()
                .statusCode(200)
                .body("id", hasItem(oldKeyId));
    }

    @Test
    void shouldLetAClinicRotateItsOwnKey() {
        var created = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("name", "Self Service", "timeZone", "America/Toronto", "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201)
                .extract();
        String oldKey = created.path("apiKey.key");
        String oldKeyId = created.path("apiKey.id");

        String newKey = given().auth()
                .oauth2(oldKey)
                .post("/v1/clinic/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        given().auth()
                .oauth2(newKey)
                .delete("/v1/clinic/api-keys/" + oldKeyId)
                .then()
                .statusCode(200);

        given().auth().oauth2(oldKey).get("/v1/clinic").then().statusCode(401);
        given().auth().oauth2(newKey).get("/v1/clinic").then().statusCode(200);
    }

    @Test
    void shouldNameInvalidClinicFields() {
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("name", "", "timeZone", "Nowhere/Town", "locale", "en", "region", "ZZ"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("name", "region", "timeZone"));
    }

    /** ical4j (the clients' calendars) registers zone ids of its own with the JVM; they are not IANA's. */
    @Test
    void shouldRefuseAZoneIdALibraryRegistered() {
        net.fortuna.ical4j.model.TimeZoneRegistry.getGlobalZoneId("Europe/Paris");
        String libraryZone = java.time.ZoneId.getAvailableZoneIds().stream()
                .filter(id -> id.startsWith("ical4j~"))
                .findFirst()
                .orElseThrow();

        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of("name", "Zone Clinic", "timeZone", libraryZone, "locale", "en", "region", "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("timeZone"));
    }

    @Test
    void shouldRefuseTheAdminApiToAClinicKeyAndToNoKey() {
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/admin/v1/clinics")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/admin/v1/clinics").then().statusCode(401);
    }

    @Test
    void shouldPageThroughEveryClinicWithACursor() {
        for (int i = 0; i < 3; i++) {
            onboard("Paged clinic " + i);
        }
        List<String> whole = given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .get("/admin/v1/clinics")
                .then()
                .statusCode(200)
                .header("Link", nullValue())
                .extract()
                .jsonPath()
                .getList("id");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().auth()
                    .oauth2(Sessions.ADMIN_KEY)
                    .queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/admin/v1/clinics")
                    .then()
                    .statusCode(200)
                    .body("size()", lessThanOrEqualTo(2))
                    .extract();
            paged.addAll(page.jsonPath().getList("id"));
            cursor = page.header("X-Next-Cursor");
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("limit=2");
            }
        } while (cursor != null);

        assertThat(whole).hasSizeGreaterThanOrEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(whole);
    }

    @Test
    void shouldRefuseACursorItDidNotGive() {
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .queryParam("cursor", "bm90LWEtY3Vyc29y")
                .get("/admin/v1/clinics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .queryParam("limit", 0)
                .get("/admin/v1/clinics")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    private static void onboard(String name) {
        given().auth()
                .oauth2(Sessions.ADMIN_KEY)
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        name,
                        "phone",
                        "604 555 0100",
                        "timeZone",
                        "America/Vancouver",
                        "locale",
                        "en",
                        "region",
                        "CA"))
                .post("/admin/v1/clinics")
                .then()
                .statusCode(201);
    }
}
