package io.aftercare.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** The events a clinic's endpoint can subscribe to, under the names the clinic's system sees. */
public enum EventType {
    REPLY_RECEIVED("reply.received"),
    REMINDER_SENT("reminder.sent"),
    REMINDER_DELIVERED("reminder.delivered"),
    REMINDER_FAILED("reminder.failed"),
    REMINDER_EXPIRED("reminder.expired"),
    CLIENT_OPTED_OUT("client.opted_out"),
    CLIENT_OPTED_IN("client.opted_in"),
    CLINIC_SENDING_PAUSED("clinic.sending_paused"),
    CLINIC_SENDING_RESUMED("clinic.sending_resumed");

    private final String value;

    EventType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    static Optional<EventType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }
}
