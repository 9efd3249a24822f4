package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.client.Client;
import io.aftercare.reminder.Reminder;
import io.aftercare.support.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A thousand seeded malformed or hostile session posts (broken JSON, wrong types, hostile strings, landlines, bad zones,
 * absurd dates, random bytes): each is refused with a 4xx problem+json, none reaches a 5xx, and nothing is written.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final long SEED = 20261125L;
    private static final int CASES = 1000;
    private static final String VALID = """
            {"sessionId":"s-1","client":{"id":"c-1","firstName":"Sam","lastName":"Lee","phone":"+1 604 555 0123",\
            "timeZone":"America/Vancouver","locale":"en"},"endedAt":"%s","sessionNumber":1,"finalSession":false,\
            "kind":"TREATMENT"}""";
    private static final List<String> HOSTILE_STRINGS = List.of(
            "'; DROP TABLE reminder; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}",
            "{firstName}",
            "{#for x in 1..999999}{/for}",
            "\u0000",
            "\u202e\u200b\ufeff",
            "😊".repeat(40),
            "a".repeat(5000),
            "../../etc/passwd",
            "%00",
            "\\u0000",
            "null",
            "",
            " ");
    private static final List<String> BAD_PHONES = List.of(
            "+33 1 42 68 53 00",
            "911",
            "+999 1234",
            "+1 604 555",
            "phone",
            "+1 604 555 0123 ext 9 ".repeat(3),
            "+44 20 7946 0000",
            "0");
    private static final List<String> BAD_ZONES = List.of(
            "Mars/Olympus_Mons", "UTC+25", "../../etc/passwd", "America/Vancouver\u0000", "PST8PDTX", "+99:00", "Z ");
    private static final List<String> BAD_DATES = List.of(
            "0000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "2026-02-30T10:00:00Z",
            "yesterday",
            "2026-11-20T18:30:00",
            "2026-11-20",
            "1970-01-01T00:00:00Z",
            "2999-01-01T00:00:00Z",
            "2026-11-20T25:61:00Z");

    private long sessionsBefore;
    private long clientsBefore;
    private long remindersBefore;

    @BeforeAll
    void countRows() {
        sessionsBefore = count(() -> TreatmentSession.count());
        clientsBefore = count(() -> Client.count());
        remindersBefore = count(() -> Reminder.count());
    }

    Stream<String> hostileBodies() {
        Random random = new Random(SEED);
        String valid = VALID.formatted(OffsetDateTime.now().minusMinutes(5));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            bodies.add(
                    switch (i % 8) {
                        case 0 -> valid.substring(0, random.nextInt(valid.length() - 1));
                        case 1 ->
                            valid.replace(
                                    "\"" + pick(random, List.of("sessionNumber\":1", "finalSession\":false")),
                                    "\""
                                            + pick(
                                                    random,
                                                    List.of(
                                                            "sessionNumber\":\"one\"",
                                                            "sessionNumber\":[1]",
                                                            "finalSession\":\"maybe\"",
                                                            "sessionNumber\":1e400",
                                                            "sessionNumber\":-7")));
                        case 2 ->
                            valid.replace("\"+1 604 555 0123\"", quote(pick(random, BAD_PHONES)))
                                    .replace("\"Sam\"", quote(pick(random, HOSTILE_STRINGS)));
                        case 3 -> valid.replace("\"America/Vancouver\"", quote(pick(random, BAD_ZONES)));
                        case 4 ->
                            valid.replaceFirst(
                                    "\"endedAt\":\"[^\"]*\"", "\"endedAt\":" + quote(pick(random, BAD_DATES)));
                        case 5 ->
                            valid.replace("\"s-1\"", quote(pick(random, HOSTILE_STRINGS)))
                                    .replace(
                                            "\"en\"",
                                            quote(pick(random, List.of("xx", "klingon", "en_US_POSIX_x", "ä"))));
                        case 6 -> randomBytes(random);
                        default ->
                            valid.replace(
                                            "\"kind\":\"TREATMENT\"",
                                            "\"kind\":"
                                                    + quote(pick(
                                                            random, List.of("touchup", "DROP", "", "TREATMENT\u0000"))))
                                    .replace("\"c-1\"", "\"bad id\"");
                    });
        }
        return bodies.stream();
    }

    @ParameterizedTest(name = "hostile post {index}")
    @MethodSource("hostileBodies")
    void shouldRefuseWithAProblemAndWriteNothing(String body) {
        Response response = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType("application/json; charset=UTF-8")
                .body(body)
                .post("/v1/sessions");

        assertThat(response.statusCode()).as("status for %s", abbreviate(body)).isBetween(400, 499);
        assertThat(response.contentType())
                .as("content type for %s", abbreviate(body))
                .startsWith("application/problem+json");
    }

    @Test
    void shouldRefuseABodyOverTheLimitWithAProblem() {
        String huge =
                VALID.formatted(OffsetDateTime.now().minusMinutes(5)).replace("\"Sam\"", quote("x".repeat(70_000)));

        Response response = given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType("application/json")
                .body(huge)
                .post("/v1/sessions");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("detail")).contains("64 KB");
    }

    @AfterAll
    void shouldHaveWrittenNothing() {
        assertThat(count(() -> TreatmentSession.count())).isEqualTo(sessionsBefore);
        assertThat(count(() -> Client.count())).isEqualTo(clientsBefore);
        assertThat(count(() -> Reminder.count())).isEqualTo(remindersBefore);
    }

    private static long count(java.util.function.Supplier<Long> counter) {
        return QuarkusTransaction.requiringNew().call(counter::get);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\u0000", "\\u0000") + "\"";
    }

    private static String randomBytes(Random random) {
        char[] chars = new char[1 + random.nextInt(200)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) (random.nextInt(0x7f - 0x20) + 0x20);
        }
        return new String(chars);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
