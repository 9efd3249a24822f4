package io.aftercare.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.pause.PauseScope;
import io.aftercare.reminder.DueBacklog;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.TextsChanged;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SendOutcome;
import io.aftercare.sms.SentLookup;
import io.aftercare.sms.SmsGateway;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every meter of the service under its Prometheus name and unit, tagged only with keys that cannot name a clinic, a
 * client or a number.
 */
class MetricsNamesTest {

    /** Every series family of the service's own meters, as Prometheus names them. */
    static final List<String> FAMILIES = List.of(
            "aftercare_texts_total",
            "aftercare_dispatch_lateness_seconds_bucket",
            "aftercare_dispatch_lateness_seconds_count",
            "aftercare_dispatch_lateness_seconds_sum",
            "aftercare_dispatch_lateness_seconds_max",
            "aftercare_twilio_request_seconds_bucket",
            "aftercare_twilio_request_seconds_count",
            "aftercare_twilio_request_seconds_sum",
            "aftercare_twilio_request_seconds_max",
            "aftercare_claims_total",
            "aftercare_lease_takeovers_total",
            "aftercare_retries_total",
            "aftercare_texts_due_unsent",
            "aftercare_texts_oldest_due_age_seconds",
            "aftercare_sending_paused",
            "aftercare_ready",
            "aftercare_replies_total",
            "aftercare_webhook_deliveries_total");

    private static final Set<String> ALLOWED_TAG_KEYS = Set.of("outcome", "kind", "scope", "category");
    private static final Instant NOW = Instant.parse("2026-11-21T17:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void shouldNameEveryMeterAsTheDocsAndAlertsDo() {
        exerciseEveryMeter();

        Set<String> families = new TreeSet<>();
        registry.scrape()
                .lines()
                .filter(line -> line.startsWith("aftercare_"))
                .map(line -> line.split("[{ ]")[0])
                .forEach(families::add);
        assertThat(families).containsExactlyInAnyOrderElementsOf(FAMILIES);
    }

    @Test
    void shouldTagWithNothingButOutcomeKindScopeAndCategory() {
        exerciseEveryMeter();

        List<Meter> ours = registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith("aftercare."))
                .toList();
        assertThat(ours).isNotEmpty();
        assertThat(ours)
                .allSatisfy(meter -> assertThat(meter.getId().getTags())
                        .allSatisfy(tag -> assertThat(ALLOWED_TAG_KEYS).contains(tag.getKey())));
    }

    @Test
    void shouldCountFailuresByKindAndLatenessInBuckets() {
        exerciseEveryMeter();

        String scrape = registry.scrape();
        assertThat(TextMetricsTest.value(scrape, "aftercare_texts_total{kind=\"permanent\",outcome=\"failed\"}"))
                .contains(1.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_texts_total{kind=\"undelivered\",outcome=\"failed\"}"))
                .contains(1.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_texts_total{kind=\"\",outcome=\"sent\"}"))
                .contains(1.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_texts_total{kind=\"\",outcome=\"skipped\"}"))
                .contains(2.0);
        // 90 s late: past the 60 s bucket, within 120 s.
        assertThat(TextMetricsTest.value(scrape, "aftercare_dispatch_lateness_seconds_bucket{le=\"60.0\"}"))
                .contains(0.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_dispatch_lateness_seconds_bucket{le=\"120.0\"}"))
                .contains(1.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_texts_due_unsent")).contains(3.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_ready")).contains(1.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_sending_paused{scope=\"clinic\"}"))
                .contains(1.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_sending_paused{scope=\"account\"}"))
                .contains(0.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_sending_paused{scope=\"sender\"}"))
                .contains(1.0);
        assertThat(TextMetricsTest.value(scrape, "aftercare_texts_oldest_due_age_seconds"))
                .contains(300.0);
    }

    private void exerciseEveryMeter() {
        TextMetrics texts = new TextMetrics(registry, AfterCommit.immediate());
        texts.onChanged(changed(ReminderStatus.SENT));
        texts.onChanged(changed(ReminderStatus.DELIVERED));
        texts.onChanged(changed(ReminderStatus.EXPIRED));
        texts.onChanged(changed(ReminderStatus.FAILED));
        try (TextMetrics.Scope failing = texts.failingAs(FailureKind.PERMANENT)) {
            texts.onChanged(changed(ReminderStatus.FAILED));
        }
        texts.held(1);
        texts.skipped(2);
        texts.lateness(Duration.ofSeconds(90));

        DispatchMetrics dispatch = new DispatchMetrics(registry);
        dispatch.claimed(3);
        dispatch.takenOver(1);
        dispatch.retried();

        InboundMetrics inbound = new InboundMetrics(registry, AfterCommit.immediate());
        inbound.replyReceived("URGENT");
        inbound.webhookAttempt("delivered");

        new QueueGauges(
                now -> new DueBacklog.Backlog(3, Optional.of(NOW.minusSeconds(300))),
                () -> Map.of(PauseScope.CLINIC, 1L, PauseScope.ACCOUNT, 0L, PauseScope.SENDER, 1L),
                Clock.fixed(NOW, ZoneOffset.UTC),
                registry);

        new ReadinessGauge(() -> true, registry);

        SmsGateway accepting = new SmsGateway() {
            @Override
            public SendOutcome send(OutgoingSms sms) {
                return new SendOutcome.Accepted("SM0123");
            }

            @Override
            public String sender() {
                return "test";
            }

            @Override
            public SentLookup findAccepted(OutgoingSms sms, Instant since) {
                return new SentLookup.NotFound();
            }
        };
        new ObservedSmsGateway(accepting, registry, OpenTelemetry.noop().getTracer("test"))
                .send(new OutgoingSms(UUID.randomUUID(), "+16045550123", "body"));
    }

    private static TextsChanged changed(ReminderStatus status) {
        return new TextsChanged(List.of(new TextsChanged.Change(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "client-1",
                Optional.empty(),
                "day-1",
                status,
                NOW,
                Optional.empty())));
    }
}
