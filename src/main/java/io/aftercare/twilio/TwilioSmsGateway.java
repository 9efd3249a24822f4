package io.aftercare.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SendOutcome;
import io.aftercare.sms.SentLookup;
import io.aftercare.sms.SmsGateway;
import io.quarkus.logging.Log;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Sends texts with the Twilio SDK ({@code Message.creator(...)}), one HTTP request per text.
 *
 * <p>The REST client is built here and passed to every call; {@code Twilio.init()} is never used, as it would install
 * a global client with the SDK's retrying HTTP client.
 */
public final class TwilioSmsGateway implements SmsGateway, AutoCloseable {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final long LOOKUP_PAGE_SIZE = 50;
    /** Twilio's documented test number; the rehearsal never leaves the process anyway. */
    private static final String REHEARSAL_NUMBER = "+15005550006";

    private final TwilioAccount account;
    private final SingleAttemptHttpClient http;
    private final TwilioRestClient client;

    public TwilioSmsGateway(
            TwilioAccount account, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this.account = account;
        this.http = new SingleAttemptHttpClient(account.apiUrl(), connectTimeout, responseTimeout, maxConnections);
        this.client = new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                .httpClient(http)
                .build();
    }

    @Override
    public SendOutcome send(OutgoingSms sms) {
        try {
            Message message = creator(sms).create(client);
            return new SendOutcome.Accepted(message.getSid());
        } catch (ApiConnectionException e) {
            return TwilioFailures.of(e);
        } catch (ApiException e) {
            return TwilioFailures.of(e);
        }
    }

    /**
     * Sends one made-up text through the SDK and this gateway's HTTP client to a {@link RehearsalPeer} in this process.
     * The first real texts after a start would otherwise load the SDK, its JSON mapping and the HTTP client's
     * connection code while every sender started meanwhile waits behind them, and reach Twilio together, over the rate
     * limit. Nothing leaves the machine, and the rehearsal's connection is to the peer, not to Twilio.
     *
     * @return whether the rehearsal went through; it is only a warm-up, so a failure is logged, never thrown
     */
    boolean rehearse() {
        try (RehearsalPeer peer = new RehearsalPeer()) {
            Message message = creator(new OutgoingSms(new UUID(0, 0), REHEARSAL_NUMBER, "Aftercare rehearsal"))
                    .create(new TwilioRestClient.Builder(account.accountSid(), account.authToken())
                            .httpClient(http.sendingTo(peer.baseUrl()))
                            .build());
            return message.getSid() != null && peer.answered() == 1;
        } catch (IOException | RuntimeException e) {
            Log.debugf("The Twilio client's rehearsal failed (%s); the first text warms it instead", e.getClass());
            return false;
        }
    }

    @Override
    public String account() {
        return "twilio:" + account.accountSid();
    }

    @Override
    public String sender() {
        return "twilio:"
                + account.messagingServiceSid().orElseGet(() -> account.sender().orElseThrow());
    }

    /**
     * Looks through the latest messages to the recipient for one with the same body created since the attempt (less a
     * minute for clock skew between us and Twilio).
     */
    @Override
    public SentLookup findAccepted(OutgoingSms sms, Instant since) {
        Instant from = since.minus(CLOCK_SKEW);
        try {
            List<String> matches = Message.reader()
                    .setTo(new PhoneNumber(sms.to()))
                    .setPageSize(LOOKUP_PAGE_SIZE)
                    .firstPage(client)
                    .getRecords()
                    .stream()
                    .filter(message -> sms.body().equals(message.getBody()))
                    .filter(message -> message.getDateCreated() == null
                            || !message.getDateCreated().toInstant().isBefore(from))
                    .map(Message::getSid)
                    .toList();
            return matches.isEmpty() ? new SentLookup.NotFound() : new SentLookup.Found(matches);
        } catch (ApiConnectionException | ApiException e) {
            // The exception text may quote the response, with numbers and bodies: keep it out of the reason.
            return new SentLookup.Unavailable(
                    "Twilio's message list could not be read: " + e.getClass().getSimpleName());
        }
    }

    private MessageCreator creator(OutgoingSms sms) {
        PhoneNumber to = new PhoneNumber(sms.to());
        MessageCreator creator = account.messagingServiceSid()
                .map(service -> Message.creator(to, service, sms.body()))
                .orElseGet(() ->
                        Message.creator(to, new PhoneNumber(account.sender().orElseThrow()), sms.body()));
        account.webhookBaseUrl()
                .ifPresent(base -> creator.setStatusCallback(TwilioWebhooks.url(base, TwilioWebhooks.STATUS_PATH)));
        return creator;
    }

    @Override
    public void close() {
        http.close();
    }
}
