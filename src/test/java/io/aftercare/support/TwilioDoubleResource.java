package io.aftercare.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/** Every {@code @QuarkusTest} sends its texts through the real Twilio sender to a {@link TwilioDouble}. */
@WithTestResource(value = TwilioDoubleResource.class, scope = TestResourceScope.GLOBAL)
public class TwilioDoubleResource implements QuarkusTestResourceLifecycleManager {

    /** Marks a test's {@link TwilioDouble} field, to be filled with the running double. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectTwilioDouble {}

    /** The double of the application under test; one at a time, as the resource is global. */
    private static volatile TwilioDouble running;

    private TwilioDouble twilio;

    /** The running double, for code that has no test instance to inject it into ({@link TestClinicReset}). */
    static TwilioDouble running() {
        TwilioDouble current = running;
        if (current == null) {
            throw new IllegalStateException("No Twilio double runs: is this a @QuarkusTest?");
        }
        return current;
    }

    @Override
    public Map<String, String> start() {
        twilio = new TwilioDouble().start();
        running = twilio;
        return twilio.config();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                twilio, new TestInjector.AnnotatedAndMatchesType(InjectTwilioDouble.class, TwilioDouble.class));
    }

    @Override
    public void stop() {
        if (twilio != null) {
            running = null;
            twilio.stop();
        }
    }
}
