package io.aftercare.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;

/** A session request that passed validation, with every value in its normal form (E.164, zone id, instant). */
record ValidSession(
        String sessionId,
        String clientId,
        String firstName,
        String lastName,
        String phone,
        ZoneId zone,
        Locale locale,
        Instant endedAt,
        int sessionNumber,
        boolean finalSession,
        SessionKind kind,
        Instant nextSessionAt) {

    /** Identifies the content of the post, so that the same post repeated is told apart from a different one. */
    String fingerprint() {
        String canonical = String.join(
                "\u0000",
                sessionId,
                clientId,
                firstName,
                lastName == null ? "" : lastName,
                phone,
                zone.getId(),
                locale.toLanguageTag(),
                endedAt.toString(),
                Integer.toString(sessionNumber),
                Boolean.toString(finalSession),
                kind.name());
        // Only when given, so that sessions posted before the field existed keep their fingerprint.
        if (nextSessionAt != null) {
            canonical += "\u0000next:" + nextSessionAt;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
