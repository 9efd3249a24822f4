package io.aftercare.demo;

import io.aftercare.client.Client;
import io.aftercare.clinic.ApiKeyAuthentication;
import io.aftercare.clinic.Clinic;
import io.aftercare.config.AftercareConfig;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.Reminders;
import io.aftercare.reminder.TextsChanged;
import io.aftercare.reply.ReplyInbox;
import io.aftercare.session.SessionRequest;
import io.aftercare.session.SessionService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Gives the bootstrap clinic of the dev and demo profiles something to show on the dashboard, once: a few sessions
 * (posted through the session service, so their texts fall due today), replies through the reply inbox (one urgent),
 * and a text the SMS provider reports undelivered. Switched on by {@code aftercare.bootstrap.demo-data}; does nothing
 * when it is off or once the clinic has the demo's clients.
 *
 * <p>The console gateway of the demo accepts every text, so the failure is recorded as Twilio would report it, once the
 * text has gone out: at start-up if it went out before, otherwise when it does ({@link TextsChanged}).
 */
// Over 150 lines: the demo clinic's whole story (four clients, their replies, one undelivered text) in one place, so
// that it reads as one scene.
@ApplicationScoped
class DemoData {

    private final AftercareConfig.Bootstrap config;
    private final ApiKeyAuthentication apiKeys;
    private final SessionService sessions;
    private final ReplyInbox inbox;
    private final Reminders reminders;
    private final Clock clock;

    /** The clinic the demo seeded at start-up; null until then, and in every profile without demo data. */
    private volatile UUID demoClinic;

    DemoData(
            AftercareConfig config,
            ApiKeyAuthentication apiKeys,
            SessionService sessions,
            ReplyInbox inbox,
            Reminders reminders,
            Clock clock) {
        this.config = config.bootstrap();
        this.apiKeys = apiKeys;
        this.sessions = sessions;
        this.inbox = inbox;
        this.reminders = reminders;
        this.clock = clock;
    }

    // After the bootstrap clinic and the demo manager (DemoManagerBootstrap, priority 3000).
    void onStart(@Observes @Priority(3500) StartupEvent event) {
        if (!config.demoData() || config.apiKey().isEmpty()) {
            return;
        }
        apiKeys.authenticate(config.apiKey().get()).ifPresent(key -> seed(key.clinicId()));
    }

    /**
     * Seeds the clinic unless it has the demo's clients already; then records the provider's failure of the text
     * meant to fail if it has gone out. Safe to call again: nothing is added twice.
     */
    void seed(UUID clinicId) {
        demoClinic = clinicId;
        if (QuarkusTransaction.requiringNew()
                .call(() -> demoClientId(clinicId, DemoClients.FIRST).isEmpty())) {
            ZoneId zone = QuarkusTransaction.requiringNew()
                    .call(() -> ZoneId.of(Clinic.<Clinic>findById(clinicId).defaultTimeZone));
            Instant now = clock.instant();
            for (DemoClients.Person person : DemoClients.PEOPLE) {
                sessions.post(clinicId, request(person, endedAt(person, now, zone)));
            }
            for (DemoClients.Message message : DemoClients.MESSAGES) {
                inbox.receive(message.messageSid(), message.from(), null, message.body());
            }
            Log.infof("Gave clinic %s the demo's sessions and replies", clinicId);
        }
        failTheUnreachableText(clinicId);
    }

    /**
     * The text meant to fail has just gone out: the provider reports it undelivered. On a thread of its own, after the
     * dispatcher's transaction committed: the report is a transaction of its own, and nothing it does can touch the
     * dispatcher's record of the send.
     */
    void onTextsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TextsChanged changed) {
        UUID clinicId = demoClinic;
        if (clinicId != null
                && changed.changes().stream()
                        .anyMatch(change -> clinicId.equals(change.clinicId())
                                && change.status() == ReminderStatus.SENT
                                && DemoClients.UNREACHABLE.equals(change.clientExternalId()))) {
            CompletableFuture.runAsync(() -> failTheUnreachableText(clinicId));
        }
    }

    @Transactional
    void failTheUnreachableText(UUID clinicId) {
        demoClientId(clinicId, DemoClients.UNREACHABLE).stream()
                .flatMap(client -> reminders.forClient(client).stream())
                .filter(text -> text.status() == ReminderStatus.SENT && text.providerId() != null)
                .map(ReminderView::providerId)
                .findFirst()
                .ifPresent(providerId -> reminders.providerReported(
                        providerId,
                        "undelivered",
                        DemoClients.FINAL_REPORT_RANK,
                        Optional.of(ReminderStatus.FAILED),
                        DemoClients.UNREACHABLE_ERROR,
                        clock.instant()));
    }

    private static Optional<UUID> demoClientId(UUID clinicId, String externalId) {
        return Client.findByExternalId(clinicId, externalId).map(client -> client.id);
    }

    /**
     * When the person's session ended: {@code daysAgo} days back at the person's hour, or for a session of today a
     * little before now, never before the clinic's day began, so that its first text falls due today.
     */
    static OffsetDateTime endedAt(DemoClients.Person person, Instant now, ZoneId zone) {
        if (person.daysAgo() > 0) {
            LocalDate day = LocalDate.ofInstant(now, zone).minusDays(person.daysAgo());
            return day.atTime(person.endedAt()).atZone(zone).toOffsetDateTime();
        }
        Instant startOfDay = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
        Instant ended = now.minus(person.minutesAgo());
        return (ended.isBefore(startOfDay) ? startOfDay : ended).atZone(zone).toOffsetDateTime();
    }

    private static SessionRequest request(DemoClients.Person person, OffsetDateTime endedAt) {
        return new SessionRequest(
                person.sessionId(),
                new SessionRequest.ClientRequest(
                        person.clientId(),
                        person.firstName(),
                        person.lastName(),
                        person.phone(),
                        person.timeZone(),
                        "en"),
                endedAt,
                1,
                false,
                null,
                null);
    }
}
