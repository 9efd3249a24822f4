package io.aftercare.session;

import io.aftercare.clinic.Clinic;
import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.MessageContext;
import io.aftercare.plan.Plans;
import io.aftercare.plan.ScheduleCalculator;
import io.aftercare.plan.ScheduledStep;
import io.aftercare.plan.SessionFacts;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.template.ClientTexts;
import io.aftercare.template.ClientTexts.ComposedText;
import io.aftercare.template.TextFit;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out what a session's texts will be: which steps, when, in which words, and what the clinic should be warned
 * about. Reads, never writes: a post stores what it returns, a preview only shows it.
 */
// Over 150 lines: planning a session and the warnings it earns (spacing, supersede, opt-out, fit) read the same
// plan, clinic and texts.
@ApplicationScoped
class SessionPlanner {

    private final Plans plans;
    private final ClientTexts texts;

    SessionPlanner(Plans plans, ClientTexts texts) {
        this.plans = plans;
        this.texts = texts;
    }

    /**
     * @param history what the plan reads besides the session: the client's other sessions, the number's opt-out, the
     *     clinic's own wording
     * @param pageLink the link of the client's page the texts carry, while clients have pages
     */
    SessionPlan plan(Clinic clinic, ValidSession session, History history, Optional<String> pageLink, Instant now) {
        AftercarePlan plan = plans.current();
        List<PastSession> others = history.otherActiveSessions();
        Optional<PastSession> later = others.stream()
                .filter(other -> other.endedAt().isAfter(session.endedAt()))
                .findFirst();
        List<String> warnings = new ArrayList<>(spacingWarnings(plan.minimumSessionSpacing(), session, others));
        later.ifPresent(other -> warnings.add("Session " + other.externalId() + " of this client ended after this one"
                + " and its aftercare is under way, so this session's texts are recorded as superseded and not sent"));

        SessionFacts facts = new SessionFacts(
                session.endedAt(),
                session.zone(),
                session.kind() == SessionKind.TREATMENT && session.finalSession(),
                clinic.quietHours(),
                Set.copyOf(clinic.optionalSteps));
        LocalDate sessionDate = session.endedAt().atZone(session.zone()).toLocalDate();
        MessageContext context = new MessageContext(
                session.firstName(),
                clinic.name,
                clinic.phone,
                session.kind() == SessionKind.TREATMENT && !session.finalSession(),
                session.locale(),
                sessionDate,
                sessionDate.plusDays(plan.minimumSessionSpacing().toDays()),
                pageLink.orElse(null));
        Map<String, String> ownWords = history.ownWords();
        boolean optedOut = history.optedOut();
        if (optedOut) {
            warnings.add(
                    "The client's number has opted out of texts (replied STOP): the texts are held until it opts back in");
        }

        List<PlannedText> planned = new ArrayList<>();
        for (ScheduledStep step : ScheduleCalculator.schedule(plan, facts, now)) {
            ComposedText text = texts.compose(
                    plan,
                    step.step(),
                    Optional.ofNullable(ownWords.get(step.step().key())),
                    context,
                    step.dueAt().atZone(session.zone()).toLocalDate(),
                    clinic.smsTransliteration);
            ReminderStatus status = status(step, later.isPresent(), optedOut);
            planned.add(new PlannedText(step, text.body(), status));
            if (ReminderStatus.PENDING.contains(status)) {
                warnings.addAll(fitWarnings(step.step().key(), text));
            }
        }
        return new SessionPlan(plan.version(), planned, warnings);
    }

    /**
     * What the clinic should know about one text's wording: each text of more than one segment, and why (the
     * characters that made it UCS-2, or its length), as the clinic pays per segment; never the client's name itself.
     */
    private static List<String> fitWarnings(String step, ComposedText text) {
        List<String> warnings = new ArrayList<>();
        TextFit fit = text.fit();
        if (text.clinicWordingRefused()) {
            warnings.add("The clinic's own wording of step " + step + " breaks today's rules for clinic text or does"
                    + " not fit this client in " + TextFit.MAX_SEGMENTS + " SMS segments, so the plan's wording was"
                    + " used; see GET /v1/clinic/templates");
        }
        if (!fit.fits()) {
            warnings.add("Text " + step + " takes " + fit.segments() + " SMS segments (" + fit.reason() + ") even"
                    + " without the client's name (at most " + TextFit.MAX_SEGMENTS + " are wanted)");
        } else if (fit.segments() > 1) {
            warnings.add("Text " + step + " takes " + fit.segments() + " SMS segments (" + fit.reason() + ")");
        }
        if (fit.fits() && text.nameShortened()) {
            warnings.add("Text " + step + " calls the client by a shorter form of their first name, or none, to fit in "
                    + TextFit.MAX_SEGMENTS + " SMS segments");
        }
        return warnings;
    }

    private static ReminderStatus status(ScheduledStep step, boolean supersededByLaterSession, boolean optedOut) {
        if (step.stale()) {
            return ReminderStatus.SKIPPED;
        }
        if (supersededByLaterSession) {
            return ReminderStatus.SUPERSEDED;
        }
        return optedOut ? ReminderStatus.HELD : ReminderStatus.SCHEDULED;
    }

    private static List<String> spacingWarnings(Duration spacing, ValidSession session, List<PastSession> others) {
        return others.stream()
                .filter(other -> Duration.between(other.endedAt(), session.endedAt())
                                .abs()
                                .compareTo(spacing)
                        < 0)
                .map(other -> "Sessions of a treatment should be at least %d days apart; session %s ended %s this one"
                        .formatted(spacing.toDays(), other.externalId(), apart(other.endedAt(), session.endedAt())))
                .toList();
    }

    private static String apart(Instant other, Instant posted) {
        Duration gap = Duration.between(other, posted).abs();
        String amount = gap.toDays() >= 1 ? gap.toDays() + " days" : gap.toHours() + " hours";
        return amount + (other.isBefore(posted) ? " before" : " after");
    }

    /**
     * What a plan reads besides the posted session.
     *
     * @param otherActiveSessions the client's other sessions that still stand, in the order they ended
     * @param optedOut whether the client's number opted out of the clinic's texts
     * @param ownWords the clinic's own wording of steps in the session's language, by step key
     */
    record History(List<PastSession> otherActiveSessions, boolean optedOut, Map<String, String> ownWords) {}

    /** A session's texts as they will be recorded. */
    record SessionPlan(String planVersion, List<PlannedText> texts, List<String> warnings) {}

    record PlannedText(ScheduledStep step, String body, ReminderStatus status) {}
}
