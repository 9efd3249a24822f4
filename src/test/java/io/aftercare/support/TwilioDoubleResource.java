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

    private TwilioDouble twilio;

    @Override
    public Map<String, String> start() {
        twilio = new TwilioDouble().start();
        return twilio.config();
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(twilio, new TestInjector.AnnotatedAndMatchesType(InjectTwilioDouble.class, TwilioDouble.class));
    }

    @Override
    public void stop() {
        if (twilio != null) {
            twilio.stop();
        }
    }
}
