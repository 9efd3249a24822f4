package io.aftercare.twilio;

import io.aftercare.config.AftercareConfig;
import io.aftercare.phone.PhoneNumbers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Twilio account texts are sent from, checked once at start-up so that a typo stops the service with a clear
 * message instead of failing every text later.
 *
 * @param sender a phone number in E.164 or an alphanumeric sender id; unused when a messaging service is set
 * @param webhookBaseUrl where Twilio reaches this service, for delivery receipts; none are asked for while unset
 */
public record TwilioAccount(
        String accountSid,
        String authToken,
        Optional<String> sender,
        Optional<String> messagingServiceSid,
        URI apiUrl,
        Optional<URI> webhookBaseUrl) {

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    // Where carriers allow it, Twilio can send from a name: up to 11 letters, digits and spaces, at least one letter.
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}");

    /** @throws IllegalStateException naming every key that is missing or malformed (never echoing the token) */
    public static TwilioAccount from(AftercareConfig.Twilio config) {
        List<String> problems = new ArrayList<>();
        String accountSid = config.accountSid().orElse("");
        if (!ACCOUNT_SID.matcher(accountSid).matches()) {
            problems.add("aftercare.twilio.account-sid must be 'AC' followed by 32 hex digits");
        }
        if (config.authToken().filter(token -> !token.isBlank()).isEmpty()) {
            problems.add("aftercare.twilio.auth-token must be set");
        }
        Optional<String> messagingService = config.messagingServiceSid().filter(sid -> !sid.isBlank());
        Optional<String> sender = config.from().filter(from -> !from.isBlank()).map(TwilioAccount::normaliseSender);
        if (messagingService.isPresent()
                && !MESSAGING_SERVICE_SID.matcher(messagingService.get()).matches()) {
            problems.add("aftercare.twilio.messaging-service-sid must be 'MG' followed by 32 hex digits");
        }
        if (messagingService.isEmpty() && sender.isEmpty()) {
            problems.add(
                    config.from().isPresent()
                            ? "aftercare.twilio.from must be a phone number in E.164 or an alphanumeric sender id"
                            : "aftercare.twilio.from or aftercare.twilio.messaging-service-sid must be set");
        }
        URI apiUrl = httpUrl(config.apiUrl(), "aftercare.twilio.api-url", problems);
        Optional<URI> webhookBaseUrl = config.webhookBaseUrl()
                .filter(url -> !url.isBlank())
                .map(url -> httpUrl(url, "aftercare.twilio.webhook-base-url", problems));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The Twilio sender is misconfigured: " + String.join("; ", problems));
        }
        return new TwilioAccount(
                accountSid, config.authToken().orElseThrow(), sender, messagingService, apiUrl, webhookBaseUrl);
    }

    private static String normaliseSender(String from) {
        if (ALPHANUMERIC_SENDER.matcher(from).matches()) {
            return from;
        }
        return PhoneNumbers.any(from, null).e164();
    }

    private static URI httpUrl(String url, String key, List<String> problems) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(key + " must be an http(s) URL");
        return null;
    }

    @Override
    public String toString() {
        return "TwilioAccount[accountSid=" + accountSid + ", authToken=<hidden>, sender=" + sender
                + ", messagingServiceSid=" + messagingServiceSid + ", apiUrl=" + apiUrl + ", webhookBaseUrl="
                + webhookBaseUrl + "]";
    }
}
