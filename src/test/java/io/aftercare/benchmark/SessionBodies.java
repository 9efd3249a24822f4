package io.aftercare.benchmark;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The body of {@code POST /v1/sessions} that every scenario posts: a first treatment session of a new client. */
final class SessionBodies {

    private SessionBodies() {}

    /**
     * @param id the session's and its client's clinic id, new for each post, as a clinic system moving in would send
     * @param n picks one of a hundred phone numbers
     */
    static String session(String id, int n, Instant endedAt) {
        return """
                {"sessionId":"%s","client":{"id":"%s","firstName":"Sam","lastName":"Lee",\
                "phone":"+1 604 555 01%02d","timeZone":"UTC","locale":"en"},"endedAt":"%s","sessionNumber":1,\
                "finalSession":false,"kind":"TREATMENT"}""".formatted(id, id, n % 100, endedAt.truncatedTo(ChronoUnit.SECONDS));
    }
}
