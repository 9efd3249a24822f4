package io.aftercare.observability;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.MDC;

/**
 * Puts ids in the log context (MDC) for the lines logged inside a {@code try} block, and puts back what was there
 * before when it closes: JSON logs then carry them as {@code mdc.clinicId} and the like. Ids only, never a number, a
 * name or a body.
 *
 * <pre>{@code
 * try (MdcScope scope = MdcScope.of("clinicId", clinicId).and("reminderId", reminderId)) { ... }
 * }</pre>
 */
public final class MdcScope implements AutoCloseable {

    public static final String CLINIC_ID = "clinicId";
    public static final String REMINDER_ID = "reminderId";
    public static final String SESSION_ID = "sessionId";
    public static final String NODE = "node";

    private final Map<String, Object> before = new LinkedHashMap<>();

    private MdcScope() {}

    public static MdcScope of(String key, Object value) {
        return new MdcScope().and(key, value);
    }

    /** Adds one more id; a null value leaves the key out. */
    public MdcScope and(String key, Object value) {
        if (value != null) {
            if (!before.containsKey(key)) {
                before.put(key, MDC.get(key));
            }
            MDC.put(key, value instanceof UUID id ? id.toString() : value.toString());
        }
        return this;
    }

    @Override
    public void close() {
        before.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
