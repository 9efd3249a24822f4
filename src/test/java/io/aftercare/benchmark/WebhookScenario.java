package io.aftercare.benchmark;

import io.aftercare.cluster.ClusterDatabase;
import io.aftercare.cluster.ServiceNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A burst of texts with every clinic's system listening for {@code reminder.sent} on a receiver that takes 50 ms to
 * answer, against the same burst with no endpoint registered: whether texts keep their rate while the events go out,
 * how fast the events go out, and whether each arrives (at least once, signed).
 */
final class WebhookScenario {

    /** Events delivered before the measured burst, so that the delivery path is compiled, as in a service that is up. */
    private static final int WARM_EVENTS = 2_000;

    /** No event for this long while some are missing: the run gives up on them and reports them missed. */
    private static final Duration STALL = Duration.ofSeconds(90);

    /**
     * @param without the burst with no endpoint registered
     * @param with the same burst with one endpoint a clinic
     * @param sent texts of that burst recorded as sent, each of which should be told once
     * @param events distinct webhook-ids received
     * @param repeated requests with a webhook-id received before
     * @param missed sent texts whose event never came
     * @param perSecond events per second from the first receipt to the last
     * @param lastAfterLastText from Twilio's answer to the last text to the receipt of the last event
     * @param retried deliveries of the run's endpoints tried more than once (warm-up included)
     * @param undelivered deliveries of the run's endpoints not delivered when the run ended
     * @param cpuPerEvent CPU milliseconds an event once the texts had gone (only deliveries then), per part
     */
    record Outcome(
            BurstScenario.Outcome without,
            BurstScenario.Outcome with,
            int sent,
            int events,
            int repeated,
            int missed,
            double perSecond,
            Duration lastAfterLastText,
            long retried,
            long undelivered,
            int signaturesChecked,
            int signaturesFailed,
            Map<String, Double> cpuPerEvent) {}

    private final ClusterDatabase database;
    private final BurstScenario burst;
    private final SlowReceiver receiver;

    WebhookScenario(ClusterDatabase database, BurstScenario burst, SlowReceiver receiver) {
        this.database = database;
        this.burst = burst;
        this.receiver = receiver;
    }

    Outcome run(ServiceNode service, PeakRss rss, CpuMeter cpu, String tag, int clinics, int warmupTexts, int texts)
            throws Exception {
        ClinicApi api = new ClinicApi(service);
        List<ClinicApi.Clinic> onboarded = new ArrayList<>();
        for (int i = 0; i < clinics; i++) {
            onboarded.add(api.onboard(tag + "-" + i));
        }
        List<UUID> clinicIds = onboarded.stream().map(ClinicApi.Clinic::id).toList();
        if (warmupTexts > 0) {
            burst.run(rss, cpu, tag + "-warm", warmupTexts, clinicIds);
        }
        BurstScenario.Outcome without = burst.run(rss, cpu, tag + "-off", texts, clinicIds);
        System.out.printf("%s, no endpoint: %,d texts at %.0f/s%n", tag, texts, without.perSecond());

        for (int i = 0; i < clinics; i++) {
            String path = "/" + tag + "/" + i;
            ClinicApi.Endpoint endpoint = api.registerWebhook(
                    onboarded.get(i), receiver.url(path), List.of("reminder.sent", "reminder.delivered"));
            receiver.listen(path, endpoint.secret());
        }
        receiver.reset();
        burst.run(rss, cpu, tag + "-hooked", WARM_EVENTS, clinicIds);
        awaitEvents(sentTexts(tag + "-hooked"));

        receiver.reset();
        long texted = System.nanoTime();
        BurstScenario.Outcome with = burst.run(rss, cpu, tag + "-on", texts, clinicIds);
        Map<String, Double> cpuAtLastText = cpu.sample();
        int receivedAtLastText = receiver.received();
        Set<String> sent = sentTexts(tag + "-on");
        awaitEvents(sent);
        Map<String, Double> cpuAfter = CpuMeter.since(cpuAtLastText, cpu.sample());
        int tail = receiver.received() - receivedAtLastText;

        List<Long> arrivals = receiver.arrivals();
        long first = arrivals.stream().mapToLong(Long::longValue).min().orElse(texted);
        long last = arrivals.stream().mapToLong(Long::longValue).max().orElse(texted);
        System.out.println(
                tag + ", events received in each second from the commit: " + BurstScenario.perSecond(arrivals, texted));
        Set<String> missed = new HashSet<>(sent);
        missed.removeAll(receiver.reminderIds());
        String endpoints = "%/" + tag + "/%";
        return new Outcome(
                without,
                with,
                sent.size(),
                receiver.events(),
                receiver.repeated(),
                missed.size(),
                last > first ? (arrivals.size() - 1) / ((last - first) / 1e9) : 0,
                Duration.ofNanos(last - with.lastAnswer()),
                database.count(
                        "SELECT count(*) FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id"
                                + " WHERE w.url LIKE ? AND d.attempts > 1",
                        endpoints),
                database.count(
                        "SELECT count(*) FROM webhook_delivery d JOIN webhook_endpoint w ON w.id = d.endpoint_id"
                                + " WHERE w.url LIKE ? AND d.status <> 'DELIVERED'",
                        endpoints),
                receiver.signaturesChecked(),
                receiver.signaturesFailed(),
                perEvent(cpuAfter, tail));
    }

    /** The ids of a burst's texts that went out, each of which should be told to its clinic's endpoint. */
    private Set<String> sentTexts(String burstTag) {
        Set<String> ids = new HashSet<>();
        database.rows(
                        "SELECT r.id::text AS id FROM reminder r JOIN client c ON c.id = r.client_id"
                                + " WHERE c.external_id LIKE ? AND r.status = 'SENT'",
                        burstTag + "-%")
                .forEach(row -> ids.add((String) row.get("id")));
        return ids;
    }

    /** Until the receiver has heard of every one of these texts, or nothing has come for {@link #STALL}. */
    private void awaitEvents(Set<String> texts) throws InterruptedException {
        int seen = -1;
        long lastNews = System.nanoTime();
        while (!receiver.toldOf(texts)) {
            int now = receiver.received();
            if (now != seen) {
                seen = now;
                lastNews = System.nanoTime();
            } else if (System.nanoTime() - lastNews > STALL.toNanos()) {
                System.out.printf(
                        "No event for %d s with %,d of %,d texts told: giving up%n",
                        STALL.toSeconds(), receiver.textsToldOf(), texts.size());
                return;
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Double> perEvent(Map<String, Double> cpuSeconds, int events) {
        Map<String, Double> perEvent = new LinkedHashMap<>();
        cpuSeconds.forEach((part, seconds) -> perEvent.put(part, events == 0 ? 0 : seconds * 1000 / events));
        return perEvent;
    }
}
