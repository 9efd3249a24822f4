package io.aftercare.reminder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Texts that reached {@code SENT}, {@code DELIVERED}, {@code FAILED} or {@code EXPIRED}, fired (CDI, synchronously) in
 * the transaction that recorded them: an observer's writes commit or roll back with the change itself.
 */
public record TextsChanged(List<Change> changes) {

    /**
     * One text's new status.
     *
     * @param sessionExternalId the clinic's id of the session; empty for a text not of a session (a clinic's own text)
     * @param error why it failed or expired, in our words; empty otherwise
     */
    public record Change(
            UUID reminderId,
            UUID clinicId,
            UUID clientId,
            String clientExternalId,
            Optional<String> sessionExternalId,
            String step,
            ReminderStatus status,
            Instant at,
            Optional<String> error) {}

    public TextsChanged {
        changes = List.copyOf(changes);
    }
}
