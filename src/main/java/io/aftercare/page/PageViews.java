package io.aftercare.page;

import io.aftercare.page.AftercareGuide.Language;
import io.aftercare.page.AftercareGuide.Phase;
import io.aftercare.page.OpenedPage.Open;
import io.aftercare.page.PageView.NextSession;
import io.aftercare.page.PageView.PhaseView;
import io.aftercare.plan.MessageContext;
import io.aftercare.plan.Plans;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.TextKind;
import io.aftercare.session.ClientPages.PageSession;
import io.aftercare.session.SessionKind;
import io.aftercare.template.ClinicWordings;
import io.aftercare.template.Templates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds what an open page shows, in the client's language and on the client's calendar. */
// Over 150 lines: one view of the page gathers the session, clinic, client, guide, timeline and clinic wordings;
// split, each part would pass the same half-dozen values around.
@ApplicationScoped
class PageViews {

    /** The step whose text asks the client to book their touch-up, after the last treatment session. */
    static final String TOUCH_UP_STEP = "touch-up";

    private final Guides guides;
    private final Plans plans;
    private final Templates templates;
    private final ClinicWordings wordings;

    PageViews(Guides guides, Plans plans, Templates templates, ClinicWordings wordings) {
        this.guides = guides;
        this.plans = plans;
        this.templates = templates;
        this.wordings = wordings;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    PageView view(Open page) {
        PageSession session = page.session();
        Locale locale = page.locale();
        Language guide = guide(locale);
        LocalDate firstDay = session.endedAt().atZone(page.zone()).toLocalDate();
        LocalDate today = page.now().atZone(page.zone()).toLocalDate();
        DateTimeFormatter days = dayFormat(locale);
        DateTimeFormatter fullDates =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        List<PhaseView> phases =
                Timeline.phases(guide.phases(), firstDay, today, days, clinicWords(page, guide, firstDay));
        return new PageView(
                locale.getLanguage(),
                page.clinic(),
                page.firstName(),
                fullDates.format(firstDay),
                phases.stream()
                        .filter(PhaseView::today)
                        .findFirst()
                        .map(phase -> new PageView.Today(Timeline.dayOf(firstDay, today), phase.key(), phase.title()))
                        .orElse(null),
                AftercareCalendar.remaining(page).isEmpty() ? null : page.token() + "/calendar.ics",
                phases,
                guide.normal(),
                guide.notNormal(),
                guide.itching(),
                guide.longTerm(),
                guide.touchUp(),
                touchUpDate(page, fullDates),
                session.nextSessionAt()
                        .map(next -> {
                            ZonedDateTime local = next.atZone(page.zone());
                            return new NextSession(
                                    local.toOffsetDateTime().toString(),
                                    fullDates.format(local),
                                    DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                                            .withLocale(locale)
                                            .format(local));
                        })
                        .orElse(null));
    }

    /** The guide in the client's language (the page opened only in one the guide has). */
    Language guide(Locale locale) {
        return guides.current()
                .in(locale.getLanguage(), plans.current().defaultLanguage())
                .orElseThrow(() -> new IllegalStateException(
                        "The aftercare guide has neither '" + locale.getLanguage() + "' nor the plan's language"));
    }

    /** A day of the timeline, without the year: "Monday, November 2" or "lundi 2 novembre". */
    static DateTimeFormatter dayFormat(Locale locale) {
        return DateTimeFormatter.ofPattern("en".equals(locale.getLanguage()) ? "EEEE, MMMM d" : "EEEE d MMMM", locale);
    }

    /**
     * The clinic's own wording of each step a phase covers, rendered in the clinic-text sandbox (never the
     * application's engine) for this client, by phase key. A wording the sandbox refuses is left out, as a text would
     * use the plan's words instead.
     */
    private Map<String, List<String>> clinicWords(Open page, Language guide, LocalDate firstDay) {
        String language = page.locale().getLanguage();
        Map<String, String> own = templates.overrides(page.session().clinicId(), language);
        if (own.isEmpty()) {
            return Map.of();
        }
        PageSession session = page.session();
        MessageContext context = new MessageContext(
                page.firstName(),
                page.clinic().name(),
                page.clinic().phone(),
                session.kind() == SessionKind.TREATMENT && !session.finalSession(),
                page.locale(),
                firstDay,
                firstDay.plusDays(plans.current().minimumSessionSpacing().toDays()),
                page.link());
        Map<String, List<String>> words = new LinkedHashMap<>();
        for (Phase phase : guide.phases()) {
            List<String> rendered = new ArrayList<>();
            for (String step : phase.steps()) {
                Optional.ofNullable(own.get(step))
                        .flatMap(wording -> wordings.render(
                                wording, context, stepDate(page, step).orElse(firstDay.plusDays(phase.fromDay() - 1L))))
                        .ifPresent(rendered::add);
            }
            if (!rendered.isEmpty()) {
                words.put(phase.key(), List.copyOf(rendered));
            }
        }
        return words;
    }

    /** When the touch-up is due, after the last treatment session: the due date of its text. */
    private static String touchUpDate(Open page, DateTimeFormatter dates) {
        if (!page.session().finalTreatment()) {
            return null;
        }
        return stepDate(page, TOUCH_UP_STEP).map(dates::format).orElse(null);
    }

    /** The client-local date the session's text of this step falls due. */
    private static Optional<LocalDate> stepDate(Open page, String step) {
        return page.texts().stream()
                .filter(text -> text.kind() == TextKind.PLAN && step.equals(text.step()))
                .map(ReminderView::dueAt)
                .findFirst()
                .map(due -> due.atZone(page.zone()).toLocalDate());
    }
}
