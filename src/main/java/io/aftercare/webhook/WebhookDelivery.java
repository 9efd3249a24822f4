package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import io.aftercare.observability.InboundMetrics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Makes one attempt of one claimed delivery and records it: resolve and check, sign, post, record. */
@ApplicationScoped
class WebhookDelivery {

    /** How much longer than the HTTP client's own timeouts an attempt is awaited. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(1);

    private final DeliveryClaims claims;
    private final DeliveryOutcomes outcomes;
    private final Destinations destinations;
    private final WebhookHttp http;
    private final Clock clock;
    private final Duration lease;
    private final DeliveryRenewal renewal;
    private final InboundMetrics metrics;

    WebhookDelivery(
            DeliveryClaims claims,
            DeliveryOutcomes outcomes,
            Destinations destinations,
            WebhookHttp http,
            Clock clock,
            AftercareConfig config,
            InboundMetrics metrics) {
        this.claims = claims;
        this.metrics = metrics;
        this.outcomes = outcomes;
        this.destinations = destinations;
        this.http = http;
        this.clock = clock;
        this.lease = config.webhooks().claimLease();
        this.renewal = DeliveryRenewal.of(
                lease,
                config.webhooks()
                        .connectTimeout()
                        .plus(config.webhooks().responseTimeout())
                        .plus(ANSWER_MARGIN));
    }

    void attempt(ClaimedDelivery delivery) {
        if (renewal.needed(delivery, clock.instant()) && !claims.renew(delivery, clock.instant(), lease)) {
            return; // its lease ran out while it waited, and another node may hold it now
        }
        Instant start = clock.instant();
        long started = System.nanoTime();
        AttemptResult result;
        try {
            Destinations.Destination destination = destinations.resolve(delivery.url());
            long timestamp = clock.instant().getEpochSecond();
            WebhookHttp.Signed signed = new WebhookHttp.Signed(
                    delivery.eventId(),
                    timestamp,
                    Signatures.header(delivery.secrets(), delivery.eventId(), timestamp, delivery.payload()),
                    delivery.payload());
            int status = http.post(destination, signed)
                    .get(http.attemptTimeout().plus(ANSWER_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
            result = AttemptResult.answered(status, start, elapsedMs(started));
        } catch (Destinations.Refused refused) {
            result = AttemptResult.noAnswer(refused.kind, start, elapsedMs(started));
        } catch (TimeoutException e) {
            result = AttemptResult.noAnswer("TIMEOUT", start, elapsedMs(started));
        } catch (ExecutionException e) {
            result = AttemptResult.noAnswer(kind(e.getCause()), start, elapsedMs(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = AttemptResult.noAnswer("INTERRUPTED", start, elapsedMs(started));
        } catch (RuntimeException e) {
            // Recorded like any failure: left to the lease, the delivery would be claimed again forever, past give-up.
            result = AttemptResult.noAnswer(kind(e), start, elapsedMs(started));
        }
        if (!outcomes.record(delivery, result)) {
            Log.debugf("Webhook delivery %s: claim lost before its outcome was recorded", delivery.deliveryId());
        } else {
            metrics.webhookAttempt(result.delivered() ? "delivered" : result.gone() ? "gone" : "failed");
        }
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    /** The kind of failure, in the attempt's record; never the exception's text, which may hold the receiver's. */
    static String kind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return "TIMEOUT";
            }
            if (cause instanceof SSLException) {
                return "TLS";
            }
        }
        return "CONNECTION";
    }
}
