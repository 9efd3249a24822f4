package io.aftercare.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.config.AftercareConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.vertx.VertxInputStream;

/**
 * Refuses a request whose declared body is over its route's limit with a problem+json 413: {@code
 * aftercare.max-body-size} (64 KB), but {@code quarkus.http.limits.max-body-size} (1 MB) for a bulk import of sessions.
 * The HTTP layer would refuse it too, but with an empty body, before any exception mapper could run. A body sent without
 * a declared length (chunked) is held to the same limits by Quarkus REST as it reads it, which answers an empty 413 and
 * closes the connection.
 */
@ApplicationScoped
class BodySizeLimit {

    /** The one route that takes larger bodies: up to 1,000 sessions (session/SessionBatchResource). */
    static final String BULK_IMPORT = "/v1/sessions/batch";

    private final long maxBytes;
    private final long bulkMaxBytes;
    private final ObjectMapper json;

    BodySizeLimit(
            AftercareConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize bulkMaxBodySize,
            ObjectMapper json) {
        this.maxBytes = Math.min(config.maxBodySize().asLongValue(), bulkMaxBodySize.asLongValue());
        this.bulkMaxBytes = bulkMaxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
        // After Quarkus' own handler (order -2), which sets the limit Quarkus REST holds a chunked body to.
        router.route().order(-1).handler(this::limitChunked);
    }

    private void limitChunked(RoutingContext context) {
        if (context.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null) {
            context.put(VertxInputStream.MAX_REQUEST_SIZE_KEY, limitOf(context));
        }
        context.next();
    }

    private long limitOf(RoutingContext context) {
        return isBulkImport(context) ? bulkMaxBytes : maxBytes;
    }

    private static boolean isBulkImport(RoutingContext context) {
        return BULK_IMPORT.equals(context.normalizedPath());
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = limitOf(context);
        if (length == null || !isOver(length, limit)) {
            context.next();
            return;
        }
        Problem problem = Problem.of(
                        ProblemType.PAYLOAD_TOO_LARGE,
                        "The body is larger than the " + limit / 1024 + " KB this service accepts"
                                + (isBulkImport(context) ? " in one bulk import" : ""))
                .at(context.request().path());
        try {
            context.response()
                    .setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE.toString())
                    .putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(413, e);
        }
    }

    private static boolean isOver(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // left to the HTTP layer, which refuses a malformed length itself
        }
    }
}
