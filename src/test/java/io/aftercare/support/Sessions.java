package io.aftercare.support;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds session posts for tests; every call starts from a valid post with fresh ids. */
public final class Sessions {

    public static final String CLINIC_KEY = "test-clinic-key-0123456789abcdef0123456789";
    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef0123456789";

    private Sessions() {}

    public static Map<String, Object> post(OffsetDateTime endedAt) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", "client-" + UUID.randomUUID());
        client.put("firstName", "Sam");
        client.put("lastName", "Lee");
        client.put("phone", "+1 604 555 0123");
        client.put("timeZone", "America/Vancouver");
        client.put("locale", "en");
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("sessionId", "session-" + UUID.randomUUID());
        session.put("client", client);
        session.put("endedAt", endedAt.toString());
        session.put("sessionNumber", 1);
        session.put("finalSession", false);
        session.put("kind", "TREATMENT");
        return session;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> client(Map<String, Object> session) {
        return (Map<String, Object>) session.get("client");
    }
}
