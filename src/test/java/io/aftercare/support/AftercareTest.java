package io.aftercare.support;

import io.quarkus.test.junit.QuarkusTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A {@code @QuarkusTest} against the test clinic as a new clinic has it, Twilio accepting every text, and the clock
 * running in real time. After each test, {@link TestClinicReset} puts all of that back, so a test changes whatever it
 * needs and leaves nothing behind for the next one:
 * <ul>
 *   <li>the {@link TwilioDouble} accepts everything again ({@link TwilioDouble#acceptEverything()});</li>
 *   <li>the test clinic's sending is not paused;</li>
 *   <li>the {@link TestClock} is back to real time ({@link TestClock#reset()});</li>
 *   <li>no client address is refused sign-ins for earlier failed ones ({@code staff/SignInAddressLimit});</li>
 *   <li>the clinic's settings are a new clinic's ({@link Sessions#defaultSettings()}: quiet from 21:00 to 08:00, no
 *       optional step, the operator's retention, texts written in the GSM alphabet);</li>
 *   <li>none of the clinic's own wordings is left: every step goes out in the plan's words.</li>
 *   <li>no API key, clinic or wording is remembered from before (see {@code clinic/CachedClinics}): rows a test writes
 *       with SQL are read afresh, before and after each test.</li>
 * </ul>
 * A test that drives the clock or Twilio still injects them, as any {@code @QuarkusTest} does:
 * <pre>{@code
 * @AftercareTest
 * class SomethingTest {
 *
 *     @Inject
 *     TestClock clock;
 *
 *     @InjectTwilioDouble
 *     TwilioDouble twilio;
 *
 *     @Test
 *     void shouldDoSomething() {
 *         clock.setNow(NOON.toInstant());
 *         twilio.failWith(401, 20003, "Authenticate");
 *         ...               // no @AfterEach to undo either
 *     }
 * }
 * }</pre>
 * It combines with {@code @TestProfile} like {@code @QuarkusTest} itself. A class whose tests touch none of this state
 * (validation, authentication) may stay a plain {@code @QuarkusTest}: the reset costs a few requests per test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTest
@ExtendWith(TestClinicReset.class)
public @interface AftercareTest {}
