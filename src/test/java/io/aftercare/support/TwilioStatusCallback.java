package io.aftercare.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Posts a delivery receipt to the status webhook as Twilio would: form-encoded and signed with the account's token. */
public final class TwilioStatusCallback {

    public static final String URL = TwilioDouble.WEBHOOK_BASE_URL + "/v1/twilio/status";

    private TwilioStatusCallback() {}

    /** Reports {@code status} (and Twilio's {@code errorCode}, if any) for a message; expects the webhook's 204. */
    public static void report(String providerId, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", TwilioDouble.ACCOUNT_SID);
        form.put("MessageSid", providerId);
        form.put("MessageStatus", status);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        given().contentType(ContentType.URLENC)
                .formParams(form)
                .header("X-Twilio-Signature", TwilioDouble.signature(URL, form))
                .post("/v1/twilio/status")
                .then()
                .statusCode(204);
    }
}
