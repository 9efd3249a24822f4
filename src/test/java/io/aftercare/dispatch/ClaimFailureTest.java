package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A claim that fails (the database went away mid-run) ends the run; it must not leave the dispatcher stuck. */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class ClaimFailureTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-11-03T12:00:00-08:00");
    private static final Duration LONGER_THAN_A_RUN_EVER_TAKES_HERE = Duration.ofSeconds(20);

    @Inject
    Dispatcher dispatcher;

    @Inject
    EntityManager entityManager;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldEndTheRunWhenAClaimFailsAndSendOnTheNextRun() {
        String phone = "+16045559901";
        clock.setNow(NOON.plusMinutes(1).toInstant());
        Sessions.postFor(phone, NOON);
        twilio.acceptEverything();

        // A table the claim reads is gone for a moment: the claim fails in the database, as when it stops answering.
        alter("ALTER TABLE sending_pause RENAME TO sending_pause_away");
        try {
            assertThatThrownBy(() -> assertTimeoutPreemptively(
                            LONGER_THAN_A_RUN_EVER_TAKES_HERE, () -> dispatcher.drain("node-a")))
                    .hasStackTraceContaining("sending_pause");
        } finally {
            alter("ALTER TABLE sending_pause_away RENAME TO sending_pause");
        }
        assertThat(twilio.messagesTo(phone)).isEmpty();

        int sent = assertTimeoutPreemptively(LONGER_THAN_A_RUN_EVER_TAKES_HERE, () -> dispatcher.drain("node-a"));

        assertThat(sent).isPositive();
        assertThat(twilio.messagesTo(phone)).hasSize(1);
    }

    private void alter(String ddl) {
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager.createNativeQuery(ddl).executeUpdate());
    }
}
