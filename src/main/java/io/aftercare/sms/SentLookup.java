package io.aftercare.sms;

import java.util.List;

/** What the provider says about a text whose earlier attempt has an unknown outcome. */
public sealed interface SentLookup {

    /**
     * The provider holds messages to the recipient with this body since then, newest first; one not yet attributed to
     * another text is this one, and it must not be sent again.
     */
    record Found(List<String> providerIds) implements SentLookup {}

    /** The provider has no such message: sending it is safe. */
    record NotFound() implements SentLookup {}

    /** The provider could not be asked; try again later rather than risk a second text. */
    record Unavailable(String reason) implements SentLookup {}
}
