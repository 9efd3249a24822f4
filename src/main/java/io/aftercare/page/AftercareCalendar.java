package io.aftercare.page;

import io.aftercare.page.AftercareGuide.Language;
import io.aftercare.page.OpenedPage.Open;
import io.aftercare.pagelink.PageLinks;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.TextKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * The client's calendar (RFC 5545): one event per aftercare step still to come, at the instant its text falls due (in
 * UTC, so no VTIMEZONE is needed and every calendar shows it at the client's wall-clock time), titled in the client's
 * language and linking back to the page.
 */
@ApplicationScoped
class AftercareCalendar {

    static final String PRODUCT = "-//Aftercare//Client aftercare page//EN";

    /** Long enough to show in a day view; the step is advice to read, not an appointment. */
    static final Duration EVENT_LENGTH = Duration.ofMinutes(15);

    private final PageViews views;
    private final String uidDomain;

    AftercareCalendar(PageViews views, PageLinks links) {
        this.views = views;
        // Stable across downloads and nodes: the text's id at the pages' host.
        this.uidDomain = links.baseUrl().map(URI::create).map(URI::getHost).orElse("aftercare.invalid");
    }

    /**
     * The calendar of the page's remaining steps; empty when none is left, as iCalendar has no calendar without an
     * event (RFC 5545 section 3.4).
     */
    Optional<String> ics(Open page) {
        List<ReminderView> remaining = remaining(page);
        if (remaining.isEmpty()) {
            return Optional.empty();
        }
        Language guide = views.guide(page.locale());
        Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
        remaining.stream().map(text -> event(text, guide, page)).forEach(calendar::add);
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The aftercare calendar is not valid iCalendar", e);
        }
        return Optional.of(out.toString());
    }

    /** The steps still to come: texts of the plan not gone out yet (nor cancelled, superseded, skipped), due after now. */
    static List<ReminderView> remaining(Open page) {
        return page.texts().stream()
                .filter(text -> text.kind() == TextKind.PLAN
                        && ReminderStatus.PENDING.contains(text.status())
                        && text.dueAt().isAfter(page.now()))
                .toList();
    }

    private VEvent event(ReminderView text, Language guide, Open page) {
        Advice advice = advice(text.step(), guide);
        VEvent event = new VEvent(text.dueAt(), EVENT_LENGTH, page.clinic().name() + ": " + advice.title());
        event.replace(new DtStamp(page.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        event.add(new Uid(text.id() + "@" + uidDomain));
        String description = advice.text();
        if (!page.link().isEmpty()) {
            event.add(new Url(URI.create(page.link())));
            description += "\n\n" + page.link();
        }
        event.add(new Description(description));
        return event;
    }

    /** What the step is about: its phase, the touch-up, or else the long term (an optional reminder such as sun care). */
    private static Advice advice(String step, Language guide) {
        Optional<Advice> phase = guide.phaseOf(step).map(found -> new Advice(found.title(), found.summary()));
        if (phase.isPresent()) {
            return phase.get();
        }
        if (PageViews.TOUCH_UP_STEP.equals(step)) {
            return new Advice(guide.touchUp().title(), guide.touchUp().text());
        }
        return new Advice(
                guide.longTerm().title(), String.join(" ", guide.longTerm().items()));
    }

    private record Advice(String title, String text) {}
}
