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
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/** Turns what Twilio (or the network on the way) answered into what the dispatcher should do with the text. */
final class TwilioFailures {

    private static final Map<Integer, String> PERMANENT = Map.ofEntries(
            Map.entry(21211, "invalid 'To' number"),
            Map.entry(21408, "sending to this region is not enabled on the account"),
            Map.entry(21610, "the recipient has opted out (replied STOP)"),
            Map.entry(21612, "this sender cannot reach the 'To' number"),
            Map.entry(21614, "the 'To' number is not a mobile number"),
            Map.entry(21617, "the message is too long"),
            Map.entry(30003, "the handset is unreachable"),
            Map.entry(30004, "the message is blocked by the recipient or carrier"),
            Map.entry(30005, "unknown destination number"),
            Map.entry(30006, "the number is a landline or unreachable by SMS"),
            Map.entry(30007, "filtered by the carrier as spam"),
            Map.entry(30034, "the sender's 10DLC campaign is not registered"));
    private static final Map<Integer, String> ACCOUNT = Map.of(
            20003, "Twilio refused the account credentials",
            20005, "the Twilio account is not active",
            20404, "the Twilio account, sender or messaging service was not found",
            21606, "the 'From' number cannot send SMS from this account",
            30002, "the Twilio account is suspended");
    private static final Map<Integer, String> TRANSIENT = Map.of(
            20429, "Twilio is rate limiting the account",
            21611, "the sender's queue at Twilio is full",
            30001, "the sender's queue at Twilio overflowed");
    private static final Set<Integer> ACCOUNT_HTTP_STATUSES = Set.of(401, 403);
    // Twilio's own messages can quote the number; keep digit runs long enough to be one out of the logs.
    private static final Pattern PHONE_LIKE = Pattern.compile("\\+?\\d[\\d ()-]{5,}\\d");

    private TwilioFailures() {}

    static SendOutcome.Rejected of(ApiException e) {
        Integer code = e.getCode();
        Integer status = e.getStatusCode();
        if (code != null && PERMANENT.containsKey(code)) {
            return rejected(FailureKind.PERMANENT, code, PERMANENT.get(code));
        }
        if (code != null && ACCOUNT.containsKey(code)) {
            return rejected(FailureKind.ACCOUNT, code, ACCOUNT.get(code));
        }
        if (code != null && TRANSIENT.containsKey(code)) {
            return rejected(FailureKind.TRANSIENT, code, TRANSIENT.get(code));
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
            return new SendOutcome.Rejected(FailureKind.ACCOUNT, httpCode, reason);
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
        String reason = cause == null ? redact(e.getMessage()) : cause.getClass().getSimpleName();
        if (neverConnected) {
            return new SendOutcome.Rejected(FailureKind.TRANSIENT, "io", "could not connect to Twilio: " + reason);
        }
        String what = cause instanceof InterruptedIOException ? "no answer from Twilio in time" : "connection to Twilio broke";
        return new SendOutcome.Rejected(FailureKind.UNKNOWN_OUTCOME, "io", what + ": " + reason);
    }

    /** A Twilio error code with its reason, e.g. {@code "30003: the handset is unreachable"}. */
    static String describe(String code) {
        if (code == null || code.isBlank()) {
            return "no error code";
        }
        try {
            int number = Integer.parseInt(code.strip());
            String reason = PERMANENT.getOrDefault(number, ACCOUNT.getOrDefault(number, TRANSIENT.get(number)));
            return reason == null ? "Twilio error " + number : number + ": " + reason;
        } catch (NumberFormatException e) {
            return "Twilio error " + redact(code);
        }
    }

    private static SendOutcome.Rejected rejected(FailureKind kind, int code, String reason) {
        return new SendOutcome.Rejected(kind, String.valueOf(code), reason);
    }

    private static String redact(String message) {
        return message == null ? "no detail" : PHONE_LIKE.matcher(message).replaceAll("<number>");
    }
}
