package io.aftercare.template;

import io.aftercare.plan.MessageContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Optional;

/** A clinic's stored wording of a step, rendered for reading elsewhere than in a text (the client's page). */
@ApplicationScoped
public class ClinicWordings {

    private final ClinicTextEngine clinicTexts;

    ClinicWordings(ClinicTextEngine clinicTexts) {
        this.clinicTexts = clinicTexts;
    }

    /**
     * The wording for one client, through the clinic-text sandbox and nothing else: clinic text is hostile. Empty when
     * the sandbox refuses it (a wording stored before today's rules), as a text would fall back to the plan's words.
     */
    public Optional<String> render(String wording, MessageContext context, LocalDate stepDate) {
        try {
            return Optional.of(clinicTexts.render(wording, context, stepDate)).filter(text -> !text.isBlank());
        } catch (ClinicTextRefused e) {
            return Optional.empty();
        }
    }
}
