package io.aftercare.optout;

import io.aftercare.clinic.Clinic;
import io.aftercare.config.AftercareConfig;
import io.aftercare.phone.PhoneNumbers;
import io.aftercare.reminder.Reminders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/**
 * What a client's text does when it is a keyword ({@link Keyword}): STOP and its synonyms opt the number out of the
 * texts of every clinic it is a client of, START and its synonyms opt it back in, and HELP is answered for the clinic
 * whose text reached the number last when {@code aftercare.twilio.answer-help} is on (Twilio answers it otherwise). Every inbound text comes here through the reply inbox ({@code reply/ReplyInbox})
 * once the inbox has kept and triaged it (a repeat of a Twilio message is not passed on; one without a usable
 * MessageSid is passed on without being kept). A text that is no keyword changes nothing here: the inbox keeps it as a
 * reply, which the clinic lists, sees in the client's conversation and hears of by webhook ({@code reply.received}),
 * and answers an urgent one with the plan's safety text.
 */
@ApplicationScoped
public class InboundTexts {

    private final OptOuts optOuts;
    private final Reminders reminders;
    private final boolean answerHelp;

    InboundTexts(OptOuts optOuts, Reminders reminders, AftercareConfig config) {
        this.optOuts = optOuts;
        this.reminders = reminders;
        this.answerHelp = config.twilio().answerHelp();
    }

    /** @return the text to answer with, if any */
    @Transactional
    public Optional<String> receive(String from, String body) {
        PhoneNumbers.Parsed number = PhoneNumbers.any(from, null);
        Optional<Keyword> keyword = Keyword.of(body);
        if (!number.valid() || keyword.isEmpty()) {
            return Optional.empty();
        }
        String phone = number.e164();
        return switch (keyword.get()) {
            case OPT_OUT -> {
                optOuts.optOut(phone, Optional.empty(), "reply " + body.strip().toUpperCase(Locale.ROOT));
                yield Optional.empty();
            }
            case OPT_IN -> {
                optOuts.optIn(phone, "reply " + body.strip().toUpperCase(Locale.ROOT));
                yield Optional.empty();
            }
            // Twilio answers HELP itself unless told not to: answering too would text the client twice.
            case HELP -> answerHelp ? Optional.of(help(phone)) : Optional.empty();
        };
    }

    // Twilio answers STOP and START itself on long codes. HELP, when the service answers it, is answered for the clinic
    // whose text reached this number last: any clinic can post a session for any number, and one that never texted it
    // must not be named to it.
    private String help(String phone) {
        Optional<Clinic> clinic = reminders.lastClinicToText(phone).map(clinicId -> Clinic.<Clinic>findById(clinicId));
        return clinic.map(known -> known.name + ": aftercare texts after your treatment."
                        + (known.phone == null ? "" : " Questions? Call " + known.phone + ".")
                        + " Reply STOP to stop, START to resume.")
                .orElse("Aftercare texts after a treatment. Reply STOP to stop, START to resume.");
    }
}
