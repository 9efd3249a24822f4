package io.aftercare.observability;

import io.aftercare.sms.FailureKind;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SendOutcome;
import io.aftercare.sms.SentLookup;
import io.aftercare.sms.SmsGateway;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A gateway whose sends are timed by outcome and traced as one span each. The span carries the outcome and the
 * provider's error code, never the number or the body.
 */
final class ObservedSmsGateway implements SmsGateway, AutoCloseable {

    static final String REQUESTS = "aftercare.twilio.request";
    static final String SPAN = "twilio.send";

    private static final Duration[] BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };

    private final SmsGateway gateway;
    private final Tracer tracer;
    private final Map<String, Timer> timers;

    ObservedSmsGateway(SmsGateway gateway, MeterRegistry registry, Tracer tracer) {
        this.gateway = gateway;
        this.tracer = tracer;
        this.timers = Map.of(
                "accepted", timer(registry, "accepted"),
                "rejected", timer(registry, "rejected"),
                "unknown", timer(registry, "unknown"));
    }

    private static Timer timer(MeterRegistry registry, String outcome) {
        return Timer.builder(REQUESTS)
                .description("Requests to send a text to the SMS provider, by outcome (unknown: it may have taken it)")
                .tag("outcome", outcome)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    @Override
    public SendOutcome send(OutgoingSms sms) {
        Span span = tracer.spanBuilder(SPAN).setSpanKind(SpanKind.CLIENT).startSpan();
        long start = System.nanoTime();
        String outcome = "unknown";
        try (Scope ignored = span.makeCurrent()) {
            SendOutcome result = gateway.send(sms);
            outcome = outcomeOf(result);
            if (result instanceof SendOutcome.Rejected rejected) {
                span.setAttribute("error.code", rejected.code());
                span.setStatus(StatusCode.ERROR, rejected.kind().name());
            }
            return result;
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            timers.get(outcome).record(Duration.ofNanos(System.nanoTime() - start));
            span.setAttribute("outcome", outcome);
            span.end();
        }
    }

    static String outcomeOf(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Rejected rejected) {
            return rejected.kind() == FailureKind.UNKNOWN_OUTCOME ? "unknown" : "rejected";
        }
        return "accepted";
    }

    @Override
    public String sender() {
        return gateway.sender();
    }

    @Override
    public SentLookup findAccepted(OutgoingSms sms, Instant since) {
        return gateway.findAccepted(sms, since);
    }

    @Override
    public void close() throws Exception {
        if (gateway instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
