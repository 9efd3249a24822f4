package io.aftercare.reply;

import io.aftercare.client.Client;
import io.aftercare.clinic.Clinic;
import io.aftercare.optout.OptOuts;
import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.MessageContext;
import io.aftercare.plan.PlanStep;
import io.aftercare.plan.Plans;
import io.aftercare.reminder.OneOffTexts;
import io.aftercare.reminder.OneOffTexts.OneOff;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.TextKind;
import io.aftercare.template.ClientTexts;
import io.aftercare.template.Templates;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers a reply triage found urgent with the plan's safety text ({@value AftercarePlan#URGENT_ANSWER}), in the
 * clinic's wording where it wrote one and the client's language: at once, whatever the quiet hours, through the
 * dispatcher (so an opted-out number gets nothing: the text is held), and at most once per client in
 * {@link #ONE_ANSWER_PER}.
 */
@ApplicationScoped
class UrgentAnswers {

    /** A client who writes again and again in a worry is answered once in this long; the clinic sees every reply. */
    static final Duration ONE_ANSWER_PER = Duration.ofHours(12);

    /** Its "be seen today" no longer reads right after this long unsent (sending paused, provider down, opted out). */
    static final Duration VALID_FOR = Duration.ofHours(12);

    private final Plans plans;
    private final ClientTexts clientTexts;
    private final Templates templates;
    private final OptOuts optOuts;
    private final OneOffTexts oneOffTexts;

    UrgentAnswers(Plans plans, ClientTexts clientTexts, Templates templates, OptOuts optOuts, OneOffTexts oneOffTexts) {
        this.plans = plans;
        this.clientTexts = clientTexts;
        this.templates = templates;
        this.optOuts = optOuts;
        this.oneOffTexts = oneOffTexts;
    }

    /** @return the answer recorded, or empty when the client had one recently or the plan has no such text */
    @Transactional(Transactional.TxType.MANDATORY)
    Optional<ReminderView> answer(Reply reply, Instant now) {
        AftercarePlan plan = plans.current();
        Optional<PlanStep> step = plan.urgentAnswer();
        if (step.isEmpty()) {
            Log.warnf(
                    "Reply %s is urgent but plan %s has no '%s' text: not answered",
                    reply.id, plan.version(), AftercarePlan.URGENT_ANSWER);
            return Optional.empty();
        }
        Clinic clinic = Clinic.findById(reply.clinicId);
        Client client = Client.findById(reply.clientId);
        Locale locale = Locale.forLanguageTag(client.locale);
        LocalDate today = now.atZone(ZoneId.of(client.timeZone)).toLocalDate();
        MessageContext context = new MessageContext(
                client.firstName,
                clinic.name,
                clinic.phone,
                false,
                locale,
                today,
                today.plusDays(plan.minimumSessionSpacing().toDays()));
        Optional<String> clinicWording = Optional.ofNullable(
                templates.overrides(clinic.id, locale.getLanguage()).get(AftercarePlan.URGENT_ANSWER));
        String body = clientTexts
                .compose(plan, step.get(), clinicWording, context, today, clinic.smsTransliteration)
                .body();
        ReminderStatus status = optOuts.optedOutSince(clinic.id, client.phone).isPresent()
                ? ReminderStatus.HELD
                : ReminderStatus.SCHEDULED;
        OneOff text = new OneOff(
                clinic.id,
                client.id,
                TextKind.URGENT_ANSWER,
                step.get().key(),
                Optional.of(plan.version()),
                body,
                now,
                Optional.of(now.plus(VALID_FOR)),
                false,
                Optional.of(reply.id),
                status);
        Optional<ReminderView> answer = oneOffTexts.recordUrgentAnswer(text, now.minus(ONE_ANSWER_PER), now);
        if (answer.isEmpty()) {
            Log.infof(
                    "Reply %s is urgent; client %s had a safety answer in the last %s",
                    reply.id, client.id, ONE_ANSWER_PER);
        } else {
            Log.infof(
                    "Reply %s is urgent; safety answer %s recorded as %s",
                    reply.id, answer.get().id(), status);
        }
        return answer;
    }
}
