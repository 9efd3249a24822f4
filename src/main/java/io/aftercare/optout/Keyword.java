package io.aftercare.optout;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The reply words carriers and Twilio give a meaning to, matched on the whole reply, in any case. */
public enum Keyword {
    OPT_OUT(Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT")),
    OPT_IN(Set.of("START", "YES", "UNSTOP")),
    HELP(Set.of("HELP", "INFO"));

    private final Set<String> words;

    Keyword(Set<String> words) {
        this.words = words;
    }

    /** "Stop", " STOP! " and "stop." are STOP; "please stop texting" is not a keyword. */
    public static Optional<Keyword> of(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String word = reply.strip().replaceAll("[\\p{Punct}\\s]+$", "").toUpperCase(Locale.ROOT);
        for (Keyword keyword : values()) {
            if (keyword.words.contains(word)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }
}
