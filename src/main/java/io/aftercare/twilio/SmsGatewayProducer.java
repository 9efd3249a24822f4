package io.aftercare.twilio;

import io.aftercare.config.AftercareConfig;
import io.aftercare.observability.SmsObservation;
import io.aftercare.sms.ConsoleSmsGateway;
import io.aftercare.sms.SmsGateway;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the SMS sender from configuration: Twilio (timed and traced) when it is configured, the console otherwise. */
class SmsGatewayProducer {

    @Produces
    @Singleton
    SmsGateway gateway(AftercareConfig config, SmsObservation observation) {
        String sender =
                config.sms().sender().orElse(config.twilio().accountSid().isPresent() ? "twilio" : "console");
        return switch (sender) {
            case "console" -> {
                Log.info("SMS sender: console (texts are logged, not sent)");
                yield new ConsoleSmsGateway();
            }
            case "twilio" -> {
                TwilioAccount account = TwilioAccount.from(config.twilio());
                Log.infof("SMS sender: Twilio account %s at %s", account.accountSid(), account.apiUrl());
                TwilioSmsGateway twilio = new TwilioSmsGateway(
                        account,
                        config.twilio().connectTimeout(),
                        config.twilio().responseTimeout(),
                        config.dispatch().concurrency());
                // In the background: it only saves the first texts a wait, and must not delay the start.
                Thread rehearsal = new Thread(twilio::rehearse, "twilio-rehearsal");
                rehearsal.setDaemon(true);
                rehearsal.start();
                yield observation.observe(twilio);
            }
            default ->
                throw new IllegalStateException(
                        "aftercare.sms.sender must be 'console' or 'twilio', not '" + sender + "'");
        };
    }

    // Runs after the dispatcher has finished its sends in flight: Quartz waits for the running job on shutdown.
    void close(@Disposes SmsGateway gateway) throws Exception {
        if (gateway instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
