package io.aftercare.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks signature, written from the specification alone (it calls nothing of the
 * sender's): the key is the base64 after {@code whsec_}; the header holds space-separated {@code v1,<base64>}
 * signatures of {@code id.timestamp.body}, any one of which may match. Public for the process-level tests in
 * {@code cluster}, which check what a packaged node signed.
 */
public final class SignatureCheck {

    private SignatureCheck() {}

    public static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.replaceFirst("^whsec_", "")), "HmacSHA256"));
            expected = hmac.doFinal((id + '.' + timestamp + '.' + body).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (String versioned : signatureHeader.split(" ")) {
            int comma = versioned.indexOf(',');
            if (comma > 0 && versioned.substring(0, comma).equals("v1")) {
                byte[] given = Base64.getDecoder().decode(versioned.substring(comma + 1));
                if (MessageDigest.isEqual(expected, given)) {
                    return true;
                }
            }
        }
        return false;
    }
}
