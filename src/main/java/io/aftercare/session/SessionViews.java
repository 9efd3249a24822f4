package io.aftercare.session;

import io.aftercare.reminder.ReminderView;
import java.util.List;

final class SessionViews {

    private SessionViews() {}

    static SessionView of(TreatmentSession session, String clientExternalId, List<ReminderView> reminders) {
        return new SessionView(
                session.id,
                session.externalId,
                clientExternalId,
                session.kind,
                session.sessionNumber,
                session.finalSession,
                session.endedAt,
                session.status,
                session.planVersion,
                session.createdAt,
                reminders,
                session.warningList());
    }
}
