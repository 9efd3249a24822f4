package io.aftercare.reply;

import io.aftercare.plan.Plans;
import io.aftercare.reminder.Reminders;
import io.aftercare.session.AftercareUnderWay;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Names the clinics a reply from a number belongs to: every clinic where the number is a client whose aftercare is
 * under way (their most recent session ended within the plan's span, {@link
 * io.aftercare.plan.AftercarePlan#aftercareSpan()}), with that client and session; when there is none, the clinic
 * whose text reached the number last, with that client; otherwise no clinic.
 */
@ApplicationScoped
class ReplyAttributions {

    private final AftercareUnderWay underWay;
    private final Reminders reminders;
    private final Plans plans;

    ReplyAttributions(AftercareUnderWay underWay, Reminders reminders, Plans plans) {
        this.underWay = underWay;
        this.reminders = reminders;
        this.plans = plans;
    }

    /** @param phone the number in E.164 */
    List<Attribution> of(String phone, Instant now) {
        Instant since = now.minus(plans.current().aftercareSpan());
        List<Attribution> current = underWay.forNumber(phone, since).stream()
                .map(aftercare -> new Attribution(
                        aftercare.clinicId(),
                        aftercare.clientId(),
                        Optional.of(aftercare.sessionId()),
                        Optional.of(aftercare.sessionExternalId())))
                .toList();
        if (!current.isEmpty()) {
            return current;
        }
        return reminders
                .lastClientTexted(phone)
                .map(texted -> List.of(
                        new Attribution(texted.clinicId(), texted.clientId(), Optional.empty(), Optional.empty())))
                .orElse(List.of());
    }
}
