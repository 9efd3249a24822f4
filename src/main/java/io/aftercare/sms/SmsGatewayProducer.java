package io.aftercare.sms;

import io.aftercare.config.AftercareConfig;
import io.quarkus.logging.Log;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the SMS sender from configuration: Twilio when it is configured, the console otherwise. */
class SmsGatewayProducer {

    @Produces
    @Singleton
    SmsGateway gateway(AftercareConfig config) {
        String sender = config.sms().sender().orElse(config.twilio().accountSid().isPresent() ? "twilio" : "console");
        Log.infof("SMS sender: %s", sender);
        return switch (sender) {
            case "console" -> new ConsoleSmsGateway();
            default -> throw new IllegalStateException(
                    "aftercare.sms.sender must be 'console' or 'twilio', not '" + sender + "'");
        };
    }
}
