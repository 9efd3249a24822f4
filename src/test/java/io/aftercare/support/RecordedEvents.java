package io.aftercare.support;

import io.aftercare.optout.OptOutChanged;
import io.aftercare.pause.SendingPauseChanged;
import io.aftercare.reminder.TextsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Observes the events features fire when texts, opt-outs and pauses change, as the clinic's webhooks will, and keeps
 * them while a test records ({@link #start()} to {@link #stop()}); other tests sharing the application pay nothing.
 * It can also refuse the events of one clinic ({@link #failFor}), as an observer whose write fails would, to show that
 * the change is rolled back with it.
 */
@ApplicationScoped
public class RecordedEvents {

    private final List<Object> events = new CopyOnWriteArrayList<>();
    private volatile boolean recording;
    private volatile Optional<UUID> failingClinic = Optional.empty();

    /** Forgets what was recorded, and records from now on. */
    public void start() {
        events.clear();
        failingClinic = Optional.empty();
        recording = true;
    }

    /** Stops recording and refusing. */
    public void stop() {
        recording = false;
        failingClinic = Optional.empty();
        events.clear();
    }

    /** From now on, throws on any event about this clinic, before recording it. */
    public void failFor(UUID clinicId) {
        failingClinic = Optional.of(clinicId);
    }

    public <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Every text change recorded, over all events, in the order they were fired. */
    public List<TextsChanged.Change> textChanges() {
        return of(TextsChanged.class).stream()
                .flatMap(event -> event.changes().stream())
                .toList();
    }

    void textsChanged(@Observes TextsChanged event) {
        event.changes().forEach(change -> refuseIfMarked(change.clinicId()));
        record(event);
    }

    void optOutChanged(@Observes OptOutChanged event) {
        refuseIfMarked(event.clinicId());
        record(event);
    }

    void sendingPauseChanged(@Observes SendingPauseChanged event) {
        refuseIfMarked(event.clinicId());
        record(event);
    }

    private void refuseIfMarked(UUID clinicId) {
        if (recording && failingClinic.filter(clinicId::equals).isPresent()) {
            throw new IllegalStateException("This test's observer refuses events of clinic " + clinicId);
        }
    }

    private void record(Object event) {
        if (recording) {
            events.add(event);
        }
    }
}
