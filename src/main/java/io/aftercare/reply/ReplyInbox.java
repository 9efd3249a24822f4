package io.aftercare.reply;

import io.aftercare.client.Client;
import io.aftercare.db.TimeOrderedIds;
import io.aftercare.observability.InboundMetrics;
import io.aftercare.observability.MdcScope;
import io.aftercare.optout.InboundTexts;
import io.aftercare.optout.Keyword;
import io.aftercare.phone.PhoneMask;
import io.aftercare.phone.PhoneNumbers;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every text a client sends: kept once per Twilio message and clinic it belongs to ({@link ReplyAttributions}),
 * triaged, announced ({@link ReplyReceived}), and, when urgent, answered at once ({@link UrgentAnswers}). STOP, START
 * and HELP are kept too (as {@link ReplyCategory#KEYWORD}) and still do what they did ({@link InboundTexts}).
 */
// Over 150 lines: one transaction from Twilio's post to the stored, announced and answered reply; attribution, triage
// and the answer are classes of their own.
@ApplicationScoped
public class ReplyInbox {

    /** Longer than Twilio's longest inbound text (1,600 characters): nothing real is cut. */
    static final int MAX_BODY = 4_000;

    private final ReplyAttributions attributions;
    private final Triage triage;
    private final ClinicTriageTerms clinicTerms;
    private final InboundTexts keywords;
    private final UrgentAnswers urgentAnswers;
    private final Event<ReplyReceived> received;
    private final EntityManager entityManager;
    private final Clock clock;
    private final InboundMetrics metrics;

    ReplyInbox(
            ReplyAttributions attributions,
            ClinicTriageTerms clinicTerms,
            InboundTexts keywords,
            UrgentAnswers urgentAnswers,
            Event<ReplyReceived> received,
            EntityManager entityManager,
            Clock clock,
            InboundMetrics metrics) {
        this.attributions = attributions;
        this.metrics = metrics;
        this.triage = TriageVocabulary.builtIn();
        this.clinicTerms = clinicTerms;
        this.keywords = keywords;
        this.urgentAnswers = urgentAnswers;
        this.received = received;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Takes one inbound text as Twilio posted it (its signature checked). A message already taken (Twilio retries a
     * webhook it got no answer to in time) changes nothing and is answered with nothing.
     *
     * @return the text to answer with (HELP's), if any
     */
    @Transactional
    public Optional<String> receive(String messageSid, String from, String to, String body) {
        String text = body == null ? "" : clean(body);
        if (messageSid == null || messageSid.isBlank() || messageSid.length() > 64) {
            // Nothing to know Twilio's retries by: the keyword still counts, nothing is kept.
            Log.warn("Inbound text without a usable MessageSid: not kept");
            return keywords.receive(from, text);
        }
        // Two deliveries of one message at once: the second waits here, then finds the first's rows.
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended('reply:' || :sid, 0))")
                .setParameter("sid", messageSid)
                .getSingleResult();
        if (Reply.count("messageSid", messageSid) > 0) {
            Log.infof("Inbound message %s was taken already; Twilio's repeat ignored", messageSid);
            return Optional.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        PhoneNumbers.Parsed number = PhoneNumbers.any(from, null);
        String fromPhone = number.valid() ? number.e164() : clean(from == null ? "" : from);
        Optional<Keyword> keyword = Keyword.of(text);
        List<Attribution> belongsTo = number.valid() ? attributions.of(number.e164(), now) : List.of();

        List<Reply> stored = new ArrayList<>();
        if (belongsTo.isEmpty()) {
            stored.add(store(messageSid, null, fromPhone, to, text, now, keyword));
        }
        for (Attribution attribution : belongsTo) {
            Reply reply = store(messageSid, attribution, fromPhone, to, text, now, keyword);
            stored.add(reply);
            try (MdcScope scope = MdcScope.of(MdcScope.CLINIC_ID, reply.clinicId)) {
                announce(reply, attribution);
            }
        }
        Log.infof(
                "Inbound message %s from %s kept for %d clinic(s): %s",
                messageSid,
                PhoneMask.mask(fromPhone),
                belongsTo.size(),
                stored.stream().map(reply -> reply.category.name()).distinct().toList());

        stored.forEach(reply -> metrics.replyReceived(reply.category.name()));
        Optional<String> answer = keywords.receive(from, text);
        stored.stream()
                .filter(reply -> reply.category == ReplyCategory.URGENT && reply.clientId != null)
                .forEach(reply -> urgentAnswers.answer(reply, now));
        return answer;
    }

    private void announce(Reply reply, Attribution attribution) {
        received.fire(new ReplyReceived(
                reply.id,
                reply.clinicId,
                Optional.of(reply.clientId),
                Optional.ofNullable(Client.<Client>findById(reply.clientId)).map(client -> client.externalId),
                attribution.sessionExternalId(),
                reply.category.name(),
                reply.body,
                reply.receivedAt));
    }

    private Reply store(
            String messageSid,
            Attribution attribution,
            String fromPhone,
            String to,
            String text,
            Instant now,
            Optional<Keyword> keyword) {
        Reply reply = new Reply();
        reply.id = TimeOrderedIds.next();
        reply.messageSid = messageSid;
        reply.fromPhone = fromPhone;
        reply.toPhone = to == null ? "" : clean(to);
        reply.body = text;
        reply.receivedAt = now;
        reply.keyword = keyword.map(Enum::name).orElse(null);
        if (attribution != null) {
            reply.clinicId = attribution.clinicId();
            reply.clientId = attribution.clientId();
            reply.sessionId = attribution.sessionId().orElse(null);
        }
        reply.category = keyword.isPresent()
                ? ReplyCategory.KEYWORD
                : triage.categorise(text, reply.clinicId == null ? List.of() : clinicTerms.of(reply.clinicId));
        reply.persist();
        return reply;
    }

    // A NUL would break the insert; beyond MAX_BODY it is not a text message.
    private static String clean(String value) {
        String withoutNul = value.replace("\u0000", "");
        return withoutNul.length() > MAX_BODY ? withoutNul.substring(0, MAX_BODY) : withoutNul;
    }
}
