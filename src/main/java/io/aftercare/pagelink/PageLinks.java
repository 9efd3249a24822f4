package io.aftercare.pagelink;

import io.aftercare.config.AftercareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The links of clients' aftercare pages, {@code <aftercare.public-base-url>/a/<token>}. A token is 128 random bits; only
 * its SHA-256 is stored (with the session), so the link lives in the client's texts and nowhere else in clear.
 */
@ApplicationScoped
public class PageLinks {

    /** 128 random bits: 22 characters of base64url. */
    static final int TOKEN_BYTES = 16;

    static final String PATH = "/a/";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Optional<String> base;

    @Inject
    PageLinks(AftercareConfig config) {
        this(config.publicBaseUrl().filter(url -> !url.isBlank()));
    }

    PageLinks(Optional<String> base) {
        this.base = base.map(PageLinks::checkedBase);
    }

    /** Whether clients get pages, and so the plan's short texts. */
    public boolean enabled() {
        return base.isPresent();
    }

    /** A new link for one session, when pages are on. */
    public Optional<IssuedLink> issue() {
        return base.map(url -> {
            byte[] random = new byte[TOKEN_BYTES];
            RANDOM.nextBytes(random);
            String token = BASE64URL.encodeToString(random);
            return new IssuedLink(url + PATH + token, hash(token));
        });
    }

    /** A link as long as a real one, for previews and checks of a text's length; it opens no page. */
    public Optional<String> sample() {
        return base.map(url -> url
                + PATH
                + "x".repeat(BASE64URL.encodeToString(new byte[TOKEN_BYTES]).length()));
    }

    /** The base URL itself, e.g. for the page's own links; empty while pages are off. */
    public Optional<String> baseUrl() {
        return base;
    }

    /** The link of the page with this token, as the client's texts carry it; empty while pages are off. */
    public Optional<String> linkFor(String token) {
        return base.map(url -> url + PATH + token);
    }

    /** Whether a string could be a token at all; a caller still hashes and looks up the rest, to take the same time. */
    public static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** The SHA-256 of a token, as stored; any string hashes, so a malformed token costs the same as a real one. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static String checkedBase(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw misconfigured(url);
        }
        boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw misconfigured(url);
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static IllegalStateException misconfigured(String url) {
        return new IllegalStateException(
                "aftercare.public-base-url must be an http(s) URL without query or fragment, not '" + url + "'");
    }

    /**
     * @param url the link the client's texts carry
     * @param tokenHash what is stored of it
     */
    public record IssuedLink(String url, byte[] tokenHash) {}
}
