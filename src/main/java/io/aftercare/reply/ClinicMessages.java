package io.aftercare.reply;

import io.aftercare.client.Client;
import io.aftercare.clinic.Clinic;
import io.aftercare.optout.OptOuts;
import io.aftercare.problem.ProblemException;
import io.aftercare.problem.TextFields;
import io.aftercare.reminder.OneOffTexts;
import io.aftercare.reminder.OneOffTexts.OneOff;
import io.aftercare.reminder.ReminderStatus;
import io.aftercare.reminder.ReminderView;
import io.aftercare.reminder.TextKind;
import io.aftercare.sms.SmsTransliteration;
import io.aftercare.template.TextFit;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A clinic's own words to one client, sent through the dispatcher like every text (rate limit, opt-out, retries,
 * delivery receipts). It goes out under the clinic's name, as the plan's texts do, in the GSM alphabet as far as it goes
 * unless the clinic turned that off (a phone's keyboard writes ’ for ', which alone would make it UCS-2), within
 * {@value TextFit#MAX_SEGMENTS} SMS segments; it waits for the end of the clinic's quiet hours unless the client wrote within
 * {@link #CLIENT_JUST_WROTE}.
 */
// Over 150 lines: a clinic's one-off text from measuring to queuing, measured and sent through the same composition so
// the counter never disagrees with the send.
@ApplicationScoped
public class ClinicMessages {

    /** A client who wrote this recently is waiting for the answer: quiet hours do not hold it back. */
    static final Duration CLIENT_JUST_WROTE = Duration.ofHours(12);

    static final String STEP = "manual";

    private final Replies replies;
    private final OptOuts optOuts;
    private final OneOffTexts oneOffTexts;
    private final Clock clock;

    ClinicMessages(Replies replies, OptOuts optOuts, OneOffTexts oneOffTexts, Clock clock) {
        this.replies = replies;
        this.optOuts = optOuts;
        this.oneOffTexts = oneOffTexts;
        this.clock = clock;
    }

    /**
     * @param inReplyTo the id of the client's reply it answers, if any
     * @throws ProblemException 404 when the clinic has no such client; 400 naming {@code body} or {@code inReplyTo}
     */
    @Transactional
    ReminderView send(UUID clinicId, String clientExternalId, String body, String inReplyTo) {
        Client client = Client.findByExternalId(clinicId, clientExternalId)
                .orElseThrow(() -> ProblemException.notFound("No client " + clientExternalId + " for this clinic"));
        return send(client, body, Optional.ofNullable(inReplyTo).map(ClinicMessages::replyId));
    }

    /**
     * The same, for a client named by its internal id (the dashboard's links).
     *
     * @param inReplyTo the id of the client's reply it answers, or null
     * @throws ProblemException 404 when the clinic has no such client; 400 naming {@code body} or {@code inReplyTo}
     */
    @Transactional
    public ReminderView send(UUID clinicId, UUID clientId, String body, UUID inReplyTo) {
        return send(client(clinicId, clientId), body, Optional.ofNullable(inReplyTo));
    }

    /**
     * How this body would travel if sent to the client now: the clinic's name in front and transliterated as the
     * clinic's setting says, exactly as {@link #send} sends it. Nothing is checked or recorded: a live counter asks it
     * at every keystroke.
     *
     * @throws ProblemException 404 when the clinic has no such client
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TextFit measure(UUID clinicId, UUID clientId, String body) {
        client(clinicId, clientId);
        return TextFit.of(compose(Clinic.findById(clinicId), body == null ? "" : body.strip()));
    }

    private ReminderView send(Client client, String body, Optional<UUID> inReplyTo) {
        UUID clinicId = client.clinicId;
        Clinic clinic = Clinic.findById(clinicId);
        String text = compose(clinic, checkedBody(body));
        TextFit fit = TextFit.of(text);
        if (!fit.fits()) {
            throw ProblemException.invalid(
                    "body",
                    "takes %d SMS segments (%s, %d units) with the clinic's name in front; at most %d (%s)"
                            .formatted(
                                    fit.segments(), fit.encoding(), fit.units(), TextFit.MAX_SEGMENTS, fit.reason()));
        }
        Optional<Reply> answered = inReplyTo.map(id -> replyOf(clinicId, client.id, id));
        Instant now = clock.instant();
        Optional<Instant> clientWrote =
                answered.map(reply -> reply.receivedAt).or(() -> replies.lastReplyAt(clinicId, client.id));
        boolean clientJustWrote = clientWrote
                .filter(at -> at.isAfter(now.minus(CLIENT_JUST_WROTE)))
                .isPresent();
        Instant dueAt = clientJustWrote
                ? now
                : clinic.quietHours()
                        .map(quiet -> quiet.nextAllowed(now, ZoneId.of(client.timeZone)))
                        .orElse(now);
        ReminderStatus status = optOuts.optedOutSince(clinicId, client.phone).isPresent()
                ? ReminderStatus.HELD
                : ReminderStatus.SCHEDULED;
        ReminderView recorded = oneOffTexts.record(
                new OneOff(
                        clinicId,
                        client.id,
                        TextKind.MANUAL,
                        STEP,
                        Optional.empty(),
                        text,
                        dueAt,
                        Optional.empty(),
                        !clientJustWrote,
                        answered.map(reply -> reply.id),
                        status),
                now);
        Log.infof("Clinic %s texted client %s (text %s, %s)", clinicId, client.id, recorded.id(), status);
        return recorded;
    }

    /** The text as the client gets it: the clinic's name in front, in the GSM alphabet if the clinic wants that. */
    private static String compose(Clinic clinic, String body) {
        String text = withClinicName(clinic.name, body);
        return clinic.smsTransliteration ? SmsTransliteration.toGsm7(text) : text;
    }

    private static Client client(UUID clinicId, UUID clientId) {
        return Client.<Client>find("clinicId = ?1 and id = ?2 and erasedAt is null", clinicId, clientId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("No client " + clientId + " for this clinic"));
    }

    private static String checkedBody(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "must not be blank");
        }
        // A line break may shape a text; no other control character belongs in one.
        TextFields.problem(body, "\n").ifPresent(reason -> {
            throw ProblemException.invalid("body", reason);
        });
        return body.strip();
    }

    /** The client sees who writes, as in every plan text: "Clinic name: ...", unless the clinic wrote its name first. */
    static String withClinicName(String clinicName, String body) {
        return body.toLowerCase(Locale.ROOT).startsWith(clinicName.toLowerCase(Locale.ROOT))
                ? body
                : clinicName + ": " + body;
    }

    private static UUID replyId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("inReplyTo", "is not a reply id");
        }
    }

    private Reply replyOf(UUID clinicId, UUID clientId, UUID replyId) {
        return replies.ofClient(clinicId, clientId, replyId)
                .orElseThrow(
                        () -> ProblemException.invalid("inReplyTo", "is not a reply of this client to the clinic"));
    }
}
