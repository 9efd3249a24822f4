package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a clinic's endpoint URL may point, checked when it is registered and again, on the addresses its name resolves
 * to then, before every delivery: a name that resolved to a public address at registration may resolve to an internal
 * one later (DNS rebinding), so a delivery connects to the very address checked here.
 */
@ApplicationScoped
class Destinations {

    static final int MAX_URL_LENGTH = 2_000;

    /** Where one delivery connects: the URL's host and port (Host header, TLS name) at an address checked here. */
    record Destination(String host, int port, boolean tls, String pathAndQuery, InetAddress address) {}

    /** The URL may not be delivered to now; {@code kind} goes in the attempt's record. */
    static final class Refused extends Exception {
        final String kind;

        Refused(String kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }

    /** Looks up a host's addresses; the JDK's resolver, replaced in tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    Destinations(AftercareConfig config) {
        this(config.webhooks().allowHttp(), config.webhooks().allowPrivateAddresses(), InetAddress::getAllByName);
    }

    Destinations(boolean allowHttp, boolean allowPrivate, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /** @return why a clinic may not register this URL, or empty when it may */
    Optional<String> problemWith(String url) {
        try {
            resolve(url);
            return Optional.empty();
        } catch (Refused refused) {
            return Optional.of(refused.getMessage());
        }
    }

    /** The URL checked and resolved, with the address a delivery connects to. */
    Destination resolve(String url) throws Refused {
        if (url.length() > MAX_URL_LENGTH) {
            throw new Refused("INVALID_URL", "is longer than " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Refused("INVALID_URL", "is not a URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new Refused("INVALID_URL", "is not an absolute URL");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new Refused("INVALID_URL", allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw new Refused("INVALID_URL", "must not carry a user name or password");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new Refused("INVALID_URL", "has no valid host name");
        }
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        boolean tls = scheme.equals("https");
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        // java.net.URI takes any digits as a port; one past 65535 would make every delivery throw, never recorded.
        if (port < 1 || port > 65_535) {
            throw new Refused("INVALID_URL", "has a port out of range (1 to 65535)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Destination(host, port, tls, pathAndQuery, checkedAddress(host));
    }

    private InetAddress checkedAddress(String host) throws Refused {
        if (!allowPrivate && ForbiddenAddresses.isInternalName(host)) {
            throw new Refused("FORBIDDEN_ADDRESS", "names a host that is not on the public internet");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("DNS", "names a host that does not resolve");
        }
        if (addresses.length == 0) {
            throw new Refused("DNS", "names a host that does not resolve");
        }
        // All of them, not just the one used: a name answering with a public and a private address is refused.
        if (!allowPrivate && Arrays.stream(addresses).anyMatch(ForbiddenAddresses::isForbidden)) {
            throw new Refused(
                    "FORBIDDEN_ADDRESS",
                    "names or resolves to an address that is not on the public internet (loopback, private, link-local,"
                            + " multicast, metadata)");
        }
        return addresses[0];
    }
}
