package io.aftercare.page;

import io.aftercare.client.Client;
import io.aftercare.clinic.Clinic;
import io.aftercare.config.AftercareConfig;
import io.aftercare.page.NoticeView.Kind;
import io.aftercare.page.OpenedPage.Closed;
import io.aftercare.page.OpenedPage.Open;
import io.aftercare.pagelink.PageLinks;
import io.aftercare.plan.Plans;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.Reminders;
import io.aftercare.reminder.TextKind;
import io.aftercare.session.ClientPages;
import io.aftercare.session.ClientPages.PageSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a client's page by its token, and keeps the link's life: the page is readable until
 * {@code aftercare.page.lifetime} after the session's last aftercare step, then says the aftercare ended; a cancelled
 * session's page says so; an unknown, malformed or erased token opens nothing, the same way.
 */
@ApplicationScoped
class AftercarePages {

    private final ClientPages sessions;
    private final Reminders reminders;
    private final Guides guides;
    private final Plans plans;
    private final PageLinks links;
    private final Clock clock;
    private final Duration lifetime;

    AftercarePages(
            ClientPages sessions,
            Reminders reminders,
            Guides guides,
            Plans plans,
            PageLinks links,
            Clock clock,
            AftercareConfig config) {
        this.sessions = sessions;
        this.reminders = reminders;
        this.guides = guides;
        this.plans = plans;
        this.links = links;
        this.clock = clock;
        this.lifetime = config.page().lifetime();
    }

    /**
     * What the token opens now. Every token is hashed and looked up, malformed or not, so that no answer comes sooner
     * than another and tells a malformed token from an unknown one.
     *
     * @param preferred the languages of the reader's browser, for a notice that no session's client decides
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    OpenedPage open(String token, List<Locale> preferred) {
        String candidate = Objects.requireNonNullElse(token, "");
        Optional<PageSession> found = sessions.byTokenHash(PageLinks.hash(candidate));
        Optional<Client> client = found.map(session -> Client.<Client>findById(session.clientId()))
                .filter(held -> held.erasedAt == null);
        if (!PageLinks.wellFormed(candidate) || found.isEmpty() || client.isEmpty()) {
            return notice(Kind.NOT_FOUND, preferred);
        }
        PageSession session = found.get();
        Clinic clinic = Clinic.findById(session.clinicId());
        Locale locale = language(Locale.forLanguageTag(Objects.requireNonNullElse(client.get().locale, "")));
        ClinicContact contact = new ClinicContact(clinic.name, clinic.phone);
        if (session.cancelled()) {
            return new Closed(new NoticeView(locale.getLanguage(), Kind.CANCELLED, contact));
        }
        List<ReminderView> texts = reminders.forSession(session.sessionId());
        Instant now = clock.instant();
        if (now.isAfter(lastStep(session, texts).plus(lifetime))) {
            return new Closed(new NoticeView(locale.getLanguage(), Kind.ENDED, contact));
        }
        return new Open(
                session,
                client.get().firstName,
                ZoneId.of(client.get().timeZone),
                locale,
                contact,
                texts,
                now,
                candidate,
                links.linkFor(candidate).orElse(""));
    }

    /** A notice that no client's language decides, in the reader's browser's language where the guide has it. */
    Closed notice(Kind kind, List<Locale> preferred) {
        Locale locale = preferred.stream()
                .filter(wanted -> guides.current().languages().containsKey(wanted.getLanguage()))
                .findFirst()
                .orElseGet(() -> language(Locale.ROOT));
        return new Closed(new NoticeView(locale.getLanguage(), kind, null));
    }

    /** The session's last aftercare step: the latest due time of its plan's texts, whatever became of them. */
    private static Instant lastStep(PageSession session, List<ReminderView> texts) {
        return texts.stream()
                .filter(text -> text.kind() == TextKind.PLAN)
                .map(ReminderView::dueAt)
                .max(Instant::compareTo)
                .orElse(session.endedAt());
    }

    /** The client's language if the guide has it, the plan's default language otherwise. */
    private Locale language(Locale wanted) {
        if (guides.current().languages().containsKey(wanted.getLanguage())) {
            return Locale.forLanguageTag(wanted.getLanguage());
        }
        return Locale.forLanguageTag(plans.current().defaultLanguage());
    }
}
