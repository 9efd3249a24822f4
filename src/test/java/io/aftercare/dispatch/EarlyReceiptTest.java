package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.aftercare.reminder.ProviderReceipts;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClock;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.aftercare.support.TwilioStatusCallback;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Twilio's receipts can come before the batched outcome write has recorded the text's sid; they are kept and applied
 * by that write, never lost.
 */
@AftercareTest
@TestProfile(ManualDispatchProfile.class)
class EarlyReceiptTest {

    private static final OffsetDateTime NOON = OffsetDateTime.parse("2026-03-04T12:00:00-08:00");

    @Inject
    Dispatcher dispatcher;

    @Inject
    ProviderReceipts receipts;

    @Inject
    TestClock clock;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldApplyReceiptsThatCameBeforeTheirTextWasRecorded() {
        String sid = newSid();
        twilio.acceptAs(sid);
        clock.setNow(NOON.plusMinutes(1).toInstant());
        String session = Sessions.postFor(TestClinics.numberEndingWith("3501"), NOON);

        // Twilio's callbacks, unordered, all ahead of the outcome write.
        TwilioStatusCallback.report(sid, "sent", null);
        TwilioStatusCallback.report(sid, "delivered", null);
        TwilioStatusCallback.report(sid, "queued", null);
        dispatcher.drain("early-receipt-node");

        Sessions.reminder(session, 0)
                .body("providerId", equalTo(sid))
                .body("status", equalTo("DELIVERED"))
                .body("providerStatus", equalTo("delivered"));
        assertThat(receipts.isPending(sid)).isFalse();
    }

    @Test
    void shouldDropAReceiptWhoseSidNoTextCarriesAfterADay() {
        String sid = newSid();
        clock.setNow(NOON.toInstant());
        TwilioStatusCallback.report(sid, "delivered", null);
        assertThat(receipts.isPending(sid)).isTrue();

        receipts.sweep(NOON.plusHours(23).toInstant());
        assertThat(receipts.isPending(sid)).isTrue();
        receipts.sweep(NOON.plusHours(25).toInstant());
        assertThat(receipts.isPending(sid)).isFalse();
    }

    private static String newSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }
}
