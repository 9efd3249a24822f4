package io.aftercare.optout;

import io.aftercare.config.AftercareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The marker that stands for an erased client's number in the opt-out it leaves behind: a keyed hash, so the same
 * number posted again is recognised, while the marker alone does not give the number back. A plain hash would: there
 * are few enough phone numbers to try them all.
 */
@ApplicationScoped
class NumberMarkers {

    static final String PREFIX = "erased:";

    private final Optional<byte[]> configuredSecret;
    private final EntityManager entityManager;
    private volatile byte[] installationSecret;

    NumberMarkers(AftercareConfig config, EntityManager entityManager) {
        this.configuredSecret = config.erasure().markerSecret().map(secret -> secret.getBytes(StandardCharsets.UTF_8));
        this.entityManager = entityManager;
    }

    /** The marker an erasure writes for this number. */
    String markerOf(String phone) {
        return marker(configuredSecret.orElseGet(this::installationSecret), phone);
    }

    /**
     * Every marker the number may have been written under: markers written before the operator set a secret keep
     * working after.
     */
    List<String> markersOf(String phone) {
        List<String> markers = new ArrayList<>(2);
        configuredSecret.ifPresent(secret -> markers.add(marker(secret, phone)));
        markers.add(marker(installationSecret(), phone));
        return markers;
    }

    static String marker(byte[] secret, String phone) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] hash = mac.doFinal(("opt-out:" + phone).getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    private byte[] installationSecret() {
        byte[] secret = installationSecret;
        if (secret == null) {
            // Created with the schema (V15), so every node reads the same one.
            secret = (byte[]) entityManager
                    .createNativeQuery("SELECT secret FROM opt_out_marker_key WHERE id = 1")
                    .getSingleResult();
            installationSecret = secret;
        }
        return secret;
    }
}
