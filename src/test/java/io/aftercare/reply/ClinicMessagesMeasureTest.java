package io.aftercare.reply;

import static io.aftercare.reply.ReplyFixtures.clientWithSession;
import static io.aftercare.reply.ReplyFixtures.newClinic;
import static io.aftercare.reply.ReplyFixtures.nextPhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.aftercare.problem.FieldViolation;
import io.aftercare.problem.ProblemException;
import io.aftercare.reminder.ReminderView;
import io.aftercare.sms.SmsSegments;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.Sessions;
import io.aftercare.support.TwilioDouble;
import io.aftercare.support.TwilioDoubleResource.InjectTwilioDouble;
import io.aftercare.support.TwilioInbound;
import io.aftercare.template.TextFit;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The dashboard's answer counter measures exactly the text the send then sends, to the client named by its id. */
@AftercareTest
class ClinicMessagesMeasureTest {

    /** The sessions end an hour before the test, on the real clock. */
    private static final OffsetDateTime ENDED = OffsetDateTime.now().minusHours(1);
    /** 177 characters with the clinic's name in front: two GSM-7 segments, or three in UCS-2. */
    private static final String LONG_ANSWER = "Don’t scratch — it’s normal on day 3, Zoë. Keep it dry, no washing or"
            + " shaving yet, and text us a photo if the redness spreads. Call us on 604 555 0100 if it bleeds.";

    @Inject
    ClinicMessages messages;

    @Inject
    Replies replies;

    @InjectTwilioDouble
    TwilioDouble twilio;

    @Test
    void shouldMeasureExactlyWhatTheSendSends() {
        UUID clinicId = testClinicId();
        String phone = nextPhone();
        UUID client = RepliesInboxTest.internalId(clinicId, clientWithSession(phone, ENDED));
        TwilioInbound.text(phone, "is the redness normal?").statusCode(200);
        UUID reply = replies.inbox(clinicId, "open", null, null, 1)
                .entries()
                .get(0)
                .reply()
                .id();

        TextFit measured = messages.measure(clinicId, client, "  " + LONG_ANSWER + "\n");
        ReminderView sent = messages.send(clinicId, client, "  " + LONG_ANSWER + "\n", reply);

        assertThat(sent.body()).startsWith("Test Clinic: Don't scratch - it's normal");
        assertThat(measured).isEqualTo(TextFit.of(sent.body()));
        assertThat(measured.encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
        assertThat(measured.segments()).isEqualTo(2);
        assertThat(sent.inReplyTo()).isEqualTo(reply);
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(twilio.messagesTo(phone))
                        .extracting(form -> form.get("Body"))
                        .contains(sent.body()));
    }

    @Test
    void shouldMeasureTheClinicsOwnCharactersWhenItTurnedTransliterationOff() {
        UUID clinicId = testClinicId();
        UUID client = RepliesInboxTest.internalId(clinicId, clientWithSession(nextPhone(), ENDED));
        Sessions.transliteration(false);

        TextFit measured = messages.measure(clinicId, client, "Don’t scratch — it’s normal, Zoë.");
        ReminderView sent = messages.send(clinicId, client, "Don’t scratch — it’s normal, Zoë.", null);

        assertThat(sent.body()).isEqualTo("Test Clinic: Don’t scratch — it’s normal, Zoë.");
        assertThat(measured).isEqualTo(TextFit.of(sent.body()));
        assertThat(measured.encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(measured.forcedUcs2By()).containsExactly("’", "—", "ë");
        assertThat(messages.measure(clinicId, client, LONG_ANSWER).segments()).isEqualTo(3);
        assertThat(messages.measure(clinicId, client, "")).isEqualTo(TextFit.of("Test Clinic: "));
    }

    @Test
    void shouldRefuseAnotherClinicsClientOrReplyAndATextPastTheSegmentLimit() {
        UUID clinicId = testClinicId();
        String otherKey = newClinic("Other Studio " + UUID.randomUUID());
        UUID otherId = UUID.fromString(ReplyFixtures.clinicId(otherKey));
        String phone = nextPhone();
        UUID client = RepliesInboxTest.internalId(clinicId, clientWithSession(phone, ENDED));
        String othersPhone = nextPhone();
        UUID othersClient = RepliesInboxTest.internalId(otherId, clientWithSession(otherKey, othersPhone, ENDED));
        TwilioInbound.text(othersPhone, "there is pus").statusCode(200);
        UUID othersReply = replies.inbox(otherId, null, null, null, 1)
                .entries()
                .get(0)
                .reply()
                .id();

        assertThatThrownBy(() -> messages.measure(clinicId, othersClient, "Hello"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.problem().status()).isEqualTo(404));
        assertThatThrownBy(() -> messages.send(clinicId, othersClient, "Hello", null))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.problem().status()).isEqualTo(404));
        assertThatThrownBy(() -> messages.send(clinicId, client, "Hello", othersReply))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(fields(problem)).containsExactly("inReplyTo"));
        String threeSegments = "x".repeat(320);
        assertThat(messages.measure(clinicId, client, threeSegments).segments()).isEqualTo(3);
        assertThatThrownBy(() -> messages.send(clinicId, client, threeSegments, null))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(fields(problem)).containsExactly("body"));
        assertThat(twilio.messagesTo(phone))
                .extracting(form -> form.get("Body"))
                .noneMatch(body -> body.contains("Hello") || body.contains("xxx"));
    }

    private static UUID testClinicId() {
        return UUID.fromString(ReplyFixtures.clinicId(Sessions.CLINIC_KEY));
    }

    private static List<String> fields(ProblemException problem) {
        return problem.problem().errors().stream().map(FieldViolation::field).toList();
    }
}
