package io.aftercare.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.exception.ApiException;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.SendOutcome;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code the service treats specially means the same at send time and in a delivery receipt. */
class TwilioFailuresTest {

    /** The specification: each of Twilio's codes, and what it is to the service. */
    private static final Map<Integer, FailureKind> EXPECTED = Map.ofEntries(
            Map.entry(21211, FailureKind.PERMANENT),
            Map.entry(21408, FailureKind.PERMANENT),
            // Can be specific to one destination: never a reason to stop every clinic.
            Map.entry(21606, FailureKind.PERMANENT),
            Map.entry(21612, FailureKind.PERMANENT),
            Map.entry(21614, FailureKind.PERMANENT),
            Map.entry(21617, FailureKind.PERMANENT),
            Map.entry(30003, FailureKind.PERMANENT),
            Map.entry(30004, FailureKind.PERMANENT),
            Map.entry(30005, FailureKind.PERMANENT),
            Map.entry(30006, FailureKind.PERMANENT),
            Map.entry(30007, FailureKind.PERMANENT),
            Map.entry(21610, FailureKind.RECIPIENT_OPTED_OUT),
            Map.entry(20003, FailureKind.ACCOUNT),
            Map.entry(20005, FailureKind.ACCOUNT),
            Map.entry(20404, FailureKind.ACCOUNT),
            Map.entry(30002, FailureKind.ACCOUNT),
            Map.entry(21212, FailureKind.SENDER),
            Map.entry(21603, FailureKind.SENDER),
            Map.entry(21701, FailureKind.SENDER),
            Map.entry(21703, FailureKind.SENDER),
            Map.entry(21704, FailureKind.SENDER),
            Map.entry(30034, FailureKind.SENDER),
            Map.entry(20429, FailureKind.TRANSIENT),
            Map.entry(21611, FailureKind.TRANSIENT),
            Map.entry(30001, FailureKind.TRANSIENT));

    static Stream<Arguments> codes() {
        return EXPECTED.entrySet().stream().map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0} answered at send time is {1}")
    @MethodSource("codes")
    void shouldClassifyTheCodeWhenTwilioRefusesTheText(int code, FailureKind kind) {
        SendOutcome.Rejected rejected = TwilioFailures.of(refused(400, code, "refused for +16045550123"));

        assertThat(rejected.kind()).isEqualTo(kind);
        assertThat(rejected.code()).isEqualTo(String.valueOf(code));
        assertThat(rejected.reason()).isEqualTo(TwilioFailures.CODES.get(code).reason());
    }

    @ParameterizedTest(name = "{0} in a delivery receipt is {1}")
    @MethodSource("codes")
    void shouldClassifyTheCodeWhenAReceiptCarriesIt(int code, FailureKind kind) {
        assertThat(TwilioFailures.known(" " + code + " "))
                .hasValueSatisfying(known -> assertThat(known.kind()).isEqualTo(kind));
    }

    @Test
    void shouldSpecifyEveryCodeOfTheTable() {
        assertThat(TwilioFailures.CODES.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void shouldWordEveryReasonWithoutANumber() {
        assertThat(TwilioFailures.CODES.values())
                .allSatisfy(known -> assertThat(known.reason()).isNotBlank().doesNotContainPattern("\\d{4,}"));
    }

    @Test
    void shouldKnowNothingOfAnUnlistedOrMissingCode() {
        assertThat(TwilioFailures.known("21999")).isEmpty();
        assertThat(TwilioFailures.known(null)).isEmpty();
        assertThat(TwilioFailures.known("")).isEmpty();
        assertThat(TwilioFailures.known("not-a-code")).isEmpty();
    }

    @Test
    void shouldWordARefusedAccountItselfWhenTwilioGivesNoKnownCode() {
        SendOutcome.Rejected rejected = TwilioFailures.of(refused(401, 20001, "Account +16045550123 refused"));

        assertThat(rejected.kind()).isEqualTo(FailureKind.ACCOUNT);
        assertThat(rejected.reason()).isEqualTo("Twilio refused the account");
    }

    private static ApiException refused(int status, int code, String message) {
        return new ApiException(
                message, code, "https://www.twilio.com/docs/errors/" + code, status, status, null, true, null);
    }
}
