package io.aftercare.optout;

import io.aftercare.client.Client;
import io.aftercare.clinic.Clinic;
import io.aftercare.sms.PhoneNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/** What a client texts back: opt out, opt back in, or ask for help. Anything else is left to the clinic. */
@ApplicationScoped
public class InboundTexts {

    private final OptOuts optOuts;

    InboundTexts(OptOuts optOuts) {
        this.optOuts = optOuts;
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
                optOuts.optIn(phone);
                yield Optional.empty();
            }
            case HELP -> Optional.of(help(phone));
        };
    }

    // Twilio answers STOP and START itself on long codes; HELP is answered by the clinic that texted this number last.
    private static String help(String phone) {
        Optional<Clinic> clinic = Client.<Client>find("phone = ?1 order by updatedAt desc", phone).firstResultOptional()
                .map(client -> Clinic.<Clinic>findById(client.clinicId));
        return clinic.map(known -> known.name + ": aftercare texts after your treatment."
                        + (known.phone == null ? "" : " Questions? Call " + known.phone + ".")
                        + " Reply STOP to stop, START to resume.")
                .orElse("Aftercare texts after a treatment. Reply STOP to stop, START to resume.");
    }
}
