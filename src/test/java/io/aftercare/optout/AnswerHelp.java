package io.aftercare.optout;

import io.aftercare.config.AftercareConfig;
import java.lang.reflect.Proxy;

/**
 * Configuration with {@code aftercare.twilio.answer-help} on, for a service built by hand: the test profile keeps the
 * production default (off), and a profile of its own would cost an application start.
 */
final class AnswerHelp {

    private AnswerHelp() {}

    static AftercareConfig on() {
        AftercareConfig.Twilio twilio = stub(AftercareConfig.Twilio.class, "answerHelp", true);
        return stub(AftercareConfig.class, "twilio", twilio);
    }

    // Only the one key the service reads answers; any other call is a test mistake.
    private static <T> T stub(Class<T> type, String method, Object value) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, called, args) -> {
            if (called.getName().equals(method)) {
                return value;
            }
            throw new UnsupportedOperationException(type.getSimpleName() + "." + called.getName() + " is not stubbed");
        }));
    }
}
