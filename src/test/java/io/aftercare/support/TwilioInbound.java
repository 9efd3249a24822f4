package io.aftercare.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Posts a client's text to the inbound webhook as Twilio would: form-encoded and signed with the account's token. */
public final class TwilioInbound {

    public static final String URL = TwilioDouble.WEBHOOK_BASE_URL + "/v1/twilio/inbound";

    private TwilioInbound() {}

    /** A MessageSid no other text had. */
    public static String newMessageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    public static ValidatableResponse text(String from, String body) {
        return text(newMessageSid(), from, body);
    }

    public static ValidatableResponse text(String messageSid, String from, String body) {
        Map<String, String> form = form(messageSid, from, body);
        return given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(URL, form))
                .post("/v1/twilio/inbound")
                .then();
    }

    public static Map<String, String> form(String messageSid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioDouble.ACCOUNT_SID);
        form.put("MessageSid", messageSid);
        form.put("From", from);
        form.put("To", TwilioDouble.FROM);
        form.put("Body", body);
        return form;
    }
}
