package io.aftercare.support;

import io.quarkus.test.Mock;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The application's clock in tests: real time, optionally shifted so that "now" is a chosen instant. */
@Mock
@Singleton
public class TestClock extends Clock {

    private volatile Duration shift = Duration.ZERO;

    /** From now on, time flows on from {@code now}. */
    public void setNow(Instant now) {
        shift = Duration.between(Instant.now(), now);
    }

    public void reset() {
        shift = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application reads instants only");
    }
}
