package io.aftercare.page;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.support.PagesOnProfile;
import io.aftercare.support.Sessions;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sessions posted as a clinic's system posts them, and their page's token read from the texts the client gets. */
final class PageFixtures {

    private static final Pattern LINK =
            Pattern.compile(Pattern.quote(PagesOnProfile.BASE_URL) + "/a/([A-Za-z0-9_-]{22})");
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    /** A clinic with a phone number, created once per application. */
    private static volatile String phoneClinicKey;

    static final String PHONE_CLINIC = "Rivière Scalp Studio";
    static final String PHONE_CLINIC_E164 = "+16045550188";

    private PageFixtures() {}

    /** A session post for a client in {@code zone} speaking {@code locale}, with a surname and a number of their own. */
    static Map<String, Object> session(OffsetDateTime ended, String zone, String locale, String firstName) {
        Map<String, Object> session = Sessions.post(ended);
        Map<String, Object> client = Sessions.client(session);
        client.put("firstName", firstName);
        client.put("lastName", "Vanderkloot");
        client.put("phone", "+1 604 555 " + String.format("%04d", NUMBERS.incrementAndGet()));
        client.put("timeZone", zone);
        client.put("locale", locale);
        return session;
    }

    /** Posts the session as the clinic with this key; answers it as posted, with its page's token. */
    static Posted post(String clinicKey, Map<String, Object> session) {
        String id = given().auth()
                .oauth2(clinicKey)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return new Posted(
                id, tokenOf(clinicKey, id), (String) Sessions.client(session).get("id"));
    }

    static Posted post(Map<String, Object> session) {
        return post(Sessions.CLINIC_KEY, session);
    }

    /**
     * The token of the session's page, read from the link in its texts' bodies, the way the client gets it. Needs the
     * plan's short texts, which carry {@code {pageLink}}.
     */
    static String tokenOf(String clinicKey, String sessionId) {
        List<String> bodies = given().auth()
                .oauth2(clinicKey)
                .get("/v1/sessions/" + sessionId)
                .then()
                .statusCode(200)
                .extract()
                .path("reminders.body");
        Optional<String> token = bodies.stream()
                .map(LINK::matcher)
                .filter(Matcher::find)
                .map(found -> found.group(1))
                .findFirst();
        assertThat(token)
                .as("a text of session %s carries the page's link", sessionId)
                .isPresent();
        return token.get();
    }

    /** The API key of a clinic that has a phone number, created on first use (and again in a restarted app). */
    static String phoneClinicKey() {
        if (phoneClinicKey == null || !knows(phoneClinicKey)) {
            synchronized (PageFixtures.class) {
                if (phoneClinicKey == null || !knows(phoneClinicKey)) {
                    phoneClinicKey = given().auth()
                            .oauth2(Sessions.ADMIN_KEY)
                            .contentType(ContentType.JSON)
                            .body(Map.of(
                                    "name", PHONE_CLINIC,
                                    "phone", PHONE_CLINIC_E164,
                                    "timeZone", "America/Vancouver",
                                    "locale", "en",
                                    "region", "CA"))
                            .post("/admin/v1/clinics")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("apiKey.key");
                }
            }
        }
        return phoneClinicKey;
    }

    private static boolean knows(String clinicKey) {
        return given().auth().oauth2(clinicKey).get("/v1/clinic").statusCode() == 200;
    }

    /** The built-in guide, so that tests expect its words without copying them. */
    static AftercareGuide guide() {
        try (InputStream json = PageFixtures.class.getClassLoader().getResourceAsStream(AftercareGuide.RESOURCE)) {
            return AftercareGuide.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param clientId the clinic's id of the client
     */
    record Posted(String sessionId, String token, String clientId) {}
}
