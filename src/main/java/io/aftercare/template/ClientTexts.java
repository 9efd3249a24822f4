package io.aftercare.template;

import io.aftercare.plan.AftercarePlan;
import io.aftercare.plan.MessageContext;
import io.aftercare.plan.MessageRenderer;
import io.aftercare.plan.PlanStep;
import io.aftercare.sms.SmsTransliteration;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes one step's text for one client: in the clinic's own wording where it wrote one, the plan's otherwise, in the
 * GSM alphabet as far as it goes unless the clinic turned that off ({@link SmsTransliteration}), and within
 * {@value TextFit#MAX_SEGMENTS} SMS segments whatever the client's name (one, for a short text linking to the
 * client's page), by the rule of {@link NameShortening}.
 */
@ApplicationScoped
public class ClientTexts {

    /**
     * A text ready to be scheduled.
     *
     * @param nameShortened the client's first name was shortened or left out to make the text fit
     * @param clinicWordingRefused the clinic's wording could not be used for this client (it breaks today's rules, or it
     *     would not fit even without the name), so the plan's was used
     */
    public record ComposedText(String body, TextFit fit, boolean nameShortened, boolean clinicWordingRefused) {}

    private final MessageRenderer planTexts;
    private final ClinicTextEngine clinicTexts;

    ClientTexts(MessageRenderer planTexts, ClinicTextEngine clinicTexts) {
        this.planTexts = planTexts;
        this.clinicTexts = clinicTexts;
    }

    /**
     * @param transliterate write the whole text in the GSM alphabet as far as it goes (the clinic's
     *     {@code smsTransliteration}, on unless it turned it off): {@code Zoë} becomes {@code Zoe} and {@code ’} an
     *     apostrophe in the text sent, while the client's name is kept as written
     */
    public ComposedText compose(
            AftercarePlan plan,
            PlanStep step,
            Optional<String> clinicWording,
            MessageContext context,
            LocalDate stepDate,
            boolean transliterate) {
        if (clinicWording.isPresent()) {
            try {
                ComposedText own = fit(
                        context.firstName(),
                        false,
                        transliterate,
                        wantedSegments(context),
                        name -> clinicTexts.render(clinicWording.get(), context.withFirstName(name), stepDate));
                if (own.fit().fits()) {
                    return own;
                }
                // Too long for this client even without the name (a branch the check's sample did not take): the
                // plan's words, which fit, rather than a text of many segments.
            } catch (ClinicTextRefused e) {
                // Not for this name only: no form of it renders, so the wording itself is at fault. The client still
                // gets the step's advice, in the plan's words.
            }
        }
        return fit(
                context.firstName(),
                clinicWording.isPresent(),
                transliterate,
                wantedSegments(context),
                name -> planTexts.render(plan, step, context.withFirstName(name), stepDate));
    }

    /**
     * The text with the longest form of the name that takes at most {@code wanted} segments; else the longest that
     * fits in {@value TextFit#MAX_SEGMENTS}; when none does, the text without the name.
     *
     * @throws ClinicTextRefused when no form of the name renders at all
     */
    private static ComposedText fit(
            String firstName,
            boolean clinicWordingRefused,
            boolean transliterate,
            int wanted,
            Function<String, String> render) {
        List<String> forms = NameShortening.forms(firstName);
        ComposedText firstFitting = null;
        ComposedText last = null;
        ClinicTextRefused refused = null;
        for (String name : forms) {
            try {
                // Before the fit is measured, so that a name is shortened only if the text sent is too long.
                String body = forSms(NameShortening.withoutLeftOutName(render.apply(name)), transliterate);
                last = new ComposedText(body, TextFit.of(body), !name.equals(firstName), clinicWordingRefused);
                if (last.fit().segments() <= wanted) {
                    return last;
                }
                if (firstFitting == null && last.fit().fits()) {
                    firstFitting = last;
                }
            } catch (ClinicTextRefused e) {
                refused = e;
            }
        }
        if (last == null) {
            throw refused;
        }
        return firstFitting != null ? firstFitting : last;
    }

    /**
     * The segments a text should take: one for a short text that links to the client's page (the page holds the rest,
     * and a clinic pays per segment), so the name gives way before a second segment is paid; two otherwise.
     */
    private static int wantedSegments(MessageContext context) {
        return context.pageLink() == null ? TextFit.MAX_SEGMENTS : 1;
    }

    /** A rendered text as it goes out: in the GSM alphabet as far as it goes when the clinic has that on. */
    static String forSms(String text, boolean transliterate) {
        return transliterate ? SmsTransliteration.toGsm7(text) : text;
    }
}
