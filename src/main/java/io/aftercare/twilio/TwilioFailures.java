package io.aftercare.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.SendOutcome;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Turns what Twilio (or the network on the way) answered into a kind of failure, on which the dispatcher acts: Twilio's
 * error codes stay here.
 */
final class TwilioFailures {

    /** What one of Twilio's error codes means, and so what kind of failure it is. */
    record Known(FailureKind kind, String reason) {}

    /**
     * Every code the service treats specially, for a create refused at once and for a delivery receipt alike
     * ({@link TwilioStatusReports}); {@code docs/twilio.md} lists the same table (TwilioCodesDocTest keeps them equal).
     * Meanings from Twilio's error dictionary, twilio.com/docs/api/errors/&lt;code&gt;.
     */
    static final Map<Integer, Known> CODES = Map.ofEntries(
            code(21211, FailureKind.PERMANENT, "invalid 'To' number"),
            code(21408, FailureKind.PERMANENT, "sending to this region is not enabled on the account"),
            // "not a valid message-capable number for this destination": it can hold for one destination only (a short
            // code abroad), so the text fails rather than pause every clinic.
            code(21606, FailureKind.PERMANENT, "the sender cannot text this destination"),
            code(21612, FailureKind.PERMANENT, "this sender cannot reach the 'To' number"),
            code(21614, FailureKind.PERMANENT, "the 'To' number is not a mobile number"),
            code(21617, FailureKind.PERMANENT, "the message is too long"),
            code(30003, FailureKind.PERMANENT, "the handset is unreachable"),
            code(30004, FailureKind.PERMANENT, "the message is blocked by the recipient or carrier"),
            code(30005, FailureKind.PERMANENT, "unknown destination number"),
            code(30006, FailureKind.PERMANENT, "the number is a landline or unreachable by SMS"),
            code(30007, FailureKind.PERMANENT, "filtered by the carrier as spam"),
            code(21610, FailureKind.RECIPIENT_OPTED_OUT, "the recipient has opted out (replied STOP)"),
            code(20003, FailureKind.ACCOUNT, "Twilio refused the account credentials"),
            code(20005, FailureKind.ACCOUNT, "the Twilio account is not active"),
            code(20404, FailureKind.ACCOUNT, "the Twilio account, sender or messaging service was not found"),
            code(30002, FailureKind.ACCOUNT, "the Twilio account is suspended"),
            // The sender fails every text the same way: each would be one more failed text, and one more attempt.
            code(21212, FailureKind.SENDER, "the 'From' sender is invalid"),
            code(21603, FailureKind.SENDER, "no 'From' number or Messaging Service was given"),
            code(21701, FailureKind.SENDER, "the Messaging Service does not exist"),
            code(21703, FailureKind.SENDER, "the Messaging Service has no phone number available to send"),
            code(21704, FailureKind.SENDER, "the Messaging Service has no phone numbers"),
            code(30034, FailureKind.SENDER, "the sender's 10DLC campaign is not registered"),
            code(20429, FailureKind.TRANSIENT, "Twilio is rate limiting the account"),
            code(21611, FailureKind.TRANSIENT, "the sender's queue at Twilio is full"),
            code(30001, FailureKind.TRANSIENT, "the sender's queue at Twilio overflowed"));

    private static final Set<Integer> ACCOUNT_HTTP_STATUSES = Set.of(401, 403);
    // Twilio's own messages can quote the number; keep digit runs long enough to be one out of the logs.
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d ()-]{5,}\\d");

    private TwilioFailures() {}

    static SendOutcome.Rejected of(ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        if (code != null && CODES.containsKey(code)) {
            Known known = CODES.get(code);
            return new SendOutcome.Rejected(known.kind(), String.valueOf(code), known.reason());
        }
        if (status == null) {
            // No HTTP answer we could read, yet the request may have reached Twilio.
            return new SendOutcome.Rejected(FailureKind.UNKNOWN_OUTCOME, "unreadable", redact(e.getMessage()));
        }
        String httpCode = code == null ? "http-" + status : String.valueOf(code);
        String reason = redact(e.getMessage());
        if (status == 429) {
            return new SendOutcome.Rejected(FailureKind.TRANSIENT, httpCode, reason);
        }
        if (status >= 500) {
            // Twilio (or a proxy before it) may have created the message before failing: check before sending again.
            return new SendOutcome.Rejected(FailureKind.UNKNOWN_OUTCOME, httpCode, reason);
        }
        if (ACCOUNT_HTTP_STATUSES.contains(status)) {
            // Shown beside the account's pause, so worded here rather than quoted from the answer.
            return new SendOutcome.Rejected(FailureKind.ACCOUNT, httpCode, "Twilio refused the account");
        }
        return new SendOutcome.Rejected(FailureKind.PERMANENT, httpCode, reason);
    }

    /**
     * An I/O failure: when the connection was never made, the text certainly was not sent and can be tried again;
     * once the request may have been written, Twilio may have accepted it and sending again could text twice.
     */
    static SendOutcome.Rejected of(ApiConnectionException e) {
        Throwable cause = e.getCause();
        boolean neverConnected = cause instanceof ConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof ConnectionRequestTimeoutException
                || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException;
        String reason =
                cause == null ? redact(e.getMessage()) : cause.getClass().getSimpleName();
        if (neverConnected) {
            return new SendOutcome.Rejected(FailureKind.TRANSIENT, "io", "could not connect to Twilio: " + reason);
        }
        String what = cause instanceof InterruptedIOException
                ? "no answer from Twilio in time"
                : "connection to Twilio broke";
        return new SendOutcome.Rejected(FailureKind.UNKNOWN_OUTCOME, "io", what + ": " + reason);
    }

    /** What the service knows of a Twilio error code as a receipt or an answer gives it, if it treats it specially. */
    static Optional<Known> known(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(CODES.get(Integer.parseInt(code.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A Twilio error code with its reason, e.g. {@code "30003: the handset is unreachable"}. */
    static String describe(String code) {
        if (code == null || code.isBlank()) {
            return "no error code";
        }
        try {
            int number = Integer.parseInt(code.strip());
            Known known = CODES.get(number);
            return known == null ? "Twilio error " + number : number + ": " + known.reason();
        } catch (NumberFormatException e) {
            return "Twilio error " + redact(code);
        }
    }

    private static Map.Entry<Integer, Known> code(int code, FailureKind kind, String reason) {
        return Map.entry(code, new Known(kind, reason));
    }

    private static String redact(String message) {
        return message == null ? "no detail" : PHONE_LIKE.matcher(message).replaceAll("<number>");
    }
}
