package io.aftercare.plan;

import java.util.Optional;

/**
 * A plan's JSON that does not make a plan. It names the field at fault the way the JSON writes it ({@code version},
 * {@code steps[2].due}, {@code steps[0].messages.en}), so a plan posted to the API gets a 400 naming it and a plan file
 * stops the service with a message that does.
 */
public final class InvalidPlan extends IllegalStateException {

    private final String field;
    private final String reason;

    InvalidPlan(String origin, String field, String reason, Throwable cause) {
        super(
                "The aftercare plan " + origin + " is invalid: " + (field == null ? reason : field + " " + reason),
                cause);
        this.field = field;
        this.reason = reason;
    }

    /** The JSON path of the field at fault; empty when the document as a whole is (not JSON, not an object). */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** Why, in words that follow the field's name: "is required", "must be a text"... */
    public String reason() {
        return reason;
    }
}
