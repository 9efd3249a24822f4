package io.aftercare.page;

import io.quarkus.qute.RawString;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The pages' stylesheet, inlined in each page, and the {@code Content-Security-Policy} that allows exactly that style
 * by its hash and nothing else: no script, no other style, image, font, frame or form target, from anywhere.
 */
@Singleton
class PageStyle {

    static final String RESOURCE = "page/page.css";

    private final String css;
    private final String policy;

    PageStyle() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The page stylesheet " + RESOURCE + " is missing");
            }
            this.css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.policy = "default-src 'none'; script-src 'none'; style-src '" + hash(css)
                + "'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The stylesheet as the page's {@code <style>} element holds it, byte for byte as hashed. */
    RawString css() {
        return new RawString(css);
    }

    String contentSecurityPolicy() {
        return policy;
    }

    /** A CSP source expression for the text, as {@code 'sha256-…'} without the quotes. */
    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
