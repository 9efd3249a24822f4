package io.aftercare.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.reminder.ClaimedText;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.SendOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutcomePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T17:00:00Z");
    private final OutcomePolicy policy =
            new OutcomePolicy(new RetryBackoff(5, Duration.ofSeconds(30), Duration.ofMinutes(30)));

    @Test
    void shouldRetryATransientFailureLater() {
        OutcomePolicy.Action action =
                policy.after(attempt(1), rejected(FailureKind.TRANSIENT, "20429", "rate limited"), NOW);

        assertThat(action).isInstanceOfSatisfying(OutcomePolicy.Action.RetryAt.class, retry -> {
            assertThat(retry.at()).isBetween(NOW.plusSeconds(24), NOW.plusSeconds(36));
            assertThat(retry.error()).isEqualTo("20429: rate limited");
            assertThat(retry.outcomeUnknown()).isFalse();
        });
    }

    @Test
    void shouldRetryAnUnknownOutcomeAskingTheProviderFirst() {
        OutcomePolicy.Action action =
                policy.after(attempt(2), rejected(FailureKind.UNKNOWN_OUTCOME, "io", "reset"), NOW);

        assertThat(action).isInstanceOfSatisfying(OutcomePolicy.Action.RetryAt.class, retry -> {
            assertThat(retry.error()).isEqualTo("outcome unknown; io: reset");
            assertThat(retry.outcomeUnknown()).isTrue();
        });
    }

    @Test
    void shouldFailAPermanentRefusalAtOnce() {
        assertThat(policy.after(attempt(1), rejected(FailureKind.PERMANENT, "21614", "not a mobile number"), NOW))
                .isEqualTo(new OutcomePolicy.Action.Fail("21614: not a mobile number"));
    }

    @Test
    void shouldOptOutARecipientTheProviderSaysUnsubscribed() {
        assertThat(policy.after(attempt(1), rejected(FailureKind.RECIPIENT_OPTED_OUT, "21610", "opted out"), NOW))
                .isEqualTo(new OutcomePolicy.Action.OptOutRecipient("twilio 21610"));
    }

    @ParameterizedTest
    @EnumSource(
            value = FailureKind.class,
            names = {"ACCOUNT", "SENDER"})
    void shouldPauseTheClinicWhenTheAccountOrSenderIsRefused(FailureKind kind) {
        assertThat(policy.after(attempt(1), rejected(kind, "20003", "credentials refused"), NOW))
                .isEqualTo(new OutcomePolicy.Action.PauseClinic("20003: credentials refused"));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        assertThat(policy.after(attempt(5), rejected(FailureKind.UNKNOWN_OUTCOME, "http-503", "unavailable"), NOW))
                .isEqualTo(new OutcomePolicy.Action.Fail(
                        "gave up after 5 attempts; outcome unknown; http-503: unavailable"));
    }

    @Test
    void shouldExpireATextWhoseNextTryWouldComeAfterItsAdviceEnds() {
        ClaimedText text = attempt(1, Optional.of(NOW.plusSeconds(20)));

        assertThat(policy.after(text, rejected(FailureKind.TRANSIENT, "20429", "rate limited"), NOW))
                .isEqualTo(new OutcomePolicy.Action.Expire(
                        "its advice no longer applied by the next try; 20429: rate limited"));
    }

    @Test
    void shouldRetryWithoutSendingWhenTheProviderCannotConfirm() {
        OutcomePolicy.Action action = policy.afterUnconfirmed(attempt(2), "list unreadable", NOW);

        assertThat(action).isInstanceOfSatisfying(OutcomePolicy.Action.RetryAt.class, retry -> {
            assertThat(retry.error())
                    .isEqualTo("not resent until the provider can confirm it did not take it; list unreadable");
            assertThat(retry.outcomeUnknown()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void shouldDecideForEveryKindOfFailure(FailureKind kind) {
        assertThat(policy.after(attempt(1), rejected(kind, "x", "y"), NOW)).isNotNull();
    }

    private static SendOutcome.Rejected rejected(FailureKind kind, String code, String reason) {
        return new SendOutcome.Rejected(kind, code, reason);
    }

    private static ClaimedText attempt(int attempt) {
        return attempt(attempt, Optional.empty());
    }

    private static ClaimedText attempt(int attempt, Optional<Instant> expiresAt) {
        return new ClaimedText(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "+16045550123",
                "body",
                expiresAt,
                Optional.empty(),
                ZoneOffset.UTC,
                Optional.empty(),
                "node-a",
                attempt,
                NOW.plusSeconds(120),
                NOW);
    }
}
