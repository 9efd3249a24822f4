package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.config.AftercareConfig;
import io.aftercare.reminder.TextsScheduled;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node drains on its own between the dispatch trigger's firings: when its next text falls due, when a text due sooner
 * is written on it, and at once after a run that used up its slice. The trigger is paused throughout, as on a node
 * whose cluster fires it elsewhere, so whatever goes out here went out by the node's own wake-ups.
 */
@AftercareTest
class DrainLoopTest {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    Scheduler scheduler;

    @Inject
    DataSource dataSource;

    @Inject
    Dispatcher dispatcher;

    @Inject
    DrainLoop loop;

    @Inject
    Event<TextsScheduled> scheduled;

    @Inject
    AftercareConfig config;

    @BeforeEach
    void pauseTheTrigger() {
        scheduler.pause(DispatchJob.DISPATCH_TRIGGER);
        // Posted in quiet hours, a session's first text is due hours ahead, so the post's own wake-up sends nothing
        // before a test sets the text's due instant; sendingAtAnyHour() then lets it go whenever that is.
        LocalTime vancouver = LocalTime.now(ZoneId.of("America/Vancouver"));
        Sessions.settings(
                Map.of(
                        "start", vancouver.minusHours(1).format(HOURS),
                        "end", vancouver.plusHours(3).format(HOURS)),
                List.of());
    }

    private static void sendingAtAnyHour() {
        Sessions.settings(null, List.of());
    }

    @AfterEach
    void resumeTheTrigger() {
        dispatcher.pace(Pacing.from(config));
        dispatcher.slice(config.dispatch().maxRunTime());
        scheduler.resume(DispatchJob.DISPATCH_TRIGGER);
    }

    @Test
    void shouldSendATextWhenItFallsDueWithoutTheTrigger() throws SQLException {
        UUID text = firstTextOf(Sessions.postFor("+16045550181", OffsetDateTime.now()));
        Instant due = Instant.now().plusSeconds(2);
        setDue(text, due);
        sendingAtAnyHour();

        // A run that finds nothing due yet, as the trigger's last firing before the pause would have been.
        loop.runNow();

        await().atMost(Duration.ofSeconds(8))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> sentAt(text) != null);
        assertThat(sentAt(text)).as("not sent before it fell due").isAfterOrEqualTo(due);
    }

    @Test
    void shouldWakeForATextWrittenToGoOutSoonerThanItsPlan() throws SQLException {
        UUID later = firstTextOf(Sessions.postFor("+16045550182", OffsetDateTime.now()));
        setDue(later, Instant.now().plus(Duration.ofHours(1)));
        loop.runNow();
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> loop.plannedFor()
                        .filter(at -> at.isAfter(Instant.now().plusSeconds(30)))
                        .isPresent());

        UUID sooner = firstTextOf(Sessions.postFor("+16045550183", OffsetDateTime.now()));
        sendingAtAnyHour();
        Instant due = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            setDueUnchecked(sooner, due);
            scheduled.fire(new TextsScheduled(due));
        });

        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> sentAt(sooner) != null);
        assertThat(sentAt(later)).isNull();
    }

    @Test
    void shouldStartTheNextRunAtOnceWhenARunUsesUpItsSlice() throws SQLException {
        List<UUID> texts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID text = firstTextOf(Sessions.postFor("+1604555019" + i, OffsetDateTime.now()));
            setDue(text, Instant.now());
            texts.add(text);
        }
        sendingAtAnyHour();
        // One text a claim, and a slice over after its first claim: each run takes one text and hands over.
        dispatcher.pace(new Pacing(1, 1, 0));
        dispatcher.slice(Duration.ofMillis(1));

        loop.runNow();

        await().atMost(Duration.ofSeconds(8))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> texts.stream().allMatch(text -> sentAt(text) != null));
    }

    private UUID firstTextOf(String sessionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT id FROM reminder WHERE session_id = ? ORDER BY due_at LIMIT 1")) {
            query.setObject(1, UUID.fromString(sessionId));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getObject(1, UUID.class);
            }
        }
    }

    private void setDue(UUID text, Instant due) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE reminder SET due_at = ?, expires_at = NULL WHERE id = ?")) {
            update.setTimestamp(1, Timestamp.from(due));
            update.setObject(2, text);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void setDueUnchecked(UUID text, Instant due) {
        try {
            setDue(text, due);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant sentAt(UUID text) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT sent_at FROM reminder WHERE id = ?")) {
            query.setObject(1, text);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Timestamp sent = row.getTimestamp(1);
                return sent == null ? null : sent.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
