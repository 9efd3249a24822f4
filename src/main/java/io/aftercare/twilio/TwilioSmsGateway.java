package io.aftercare.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SendOutcome;
import io.aftercare.sms.SmsGateway;
import java.time.Duration;

/**
 * Sends texts with the Twilio SDK ({@code Message.creator(...)}), one HTTP request per text.
 *
 * <p>The REST client is built here and passed to every call; {@code Twilio.init()} is never used, as it would install
 * a global client with the SDK's retrying HTTP client.
 */
public final class TwilioSmsGateway implements SmsGateway, AutoCloseable {

    private final TwilioAccount account;
    private final SingleAttemptHttpClient http;
    private final TwilioRestClient client;

    public TwilioSmsGateway(TwilioAccount account, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this.account = account;
        this.http = new SingleAttemptHttpClient(account.apiUrl(), connectTimeout, responseTimeout, maxConnections);
        this.client = new TwilioRestClient.Builder(account.accountSid(), account.authToken()).httpClient(http).build();
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

    private MessageCreator creator(OutgoingSms sms) {
        PhoneNumber to = new PhoneNumber(sms.to());
        MessageCreator creator = account.messagingServiceSid()
                .map(service -> Message.creator(to, service, sms.body()))
                .orElseGet(() -> Message.creator(to, new PhoneNumber(account.sender().orElseThrow()), sms.body()));
        account.webhookBaseUrl().ifPresent(base -> creator.setStatusCallback(TwilioWebhooks.url(base, TwilioWebhooks.STATUS_PATH)));
        return creator;
    }

    @Override
    public void close() {
        http.close();
    }
}
