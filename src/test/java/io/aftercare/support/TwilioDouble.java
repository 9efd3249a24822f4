package io.aftercare.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's Messages API on 127.0.0.1, shaped after Twilio's own OpenAPI description: a form-encoded POST with Basic
 * auth answers 201 with a message resource and a fresh {@code SM...} sid; errors come as Twilio's error JSON.
 */
public final class TwilioDouble {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-for-the-local-double";
    public static final String FROM = "+16045550100";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final String CREATED = """
            {"account_sid":"%s","api_version":"2010-04-01","body":"(not echoed)",\
            "date_created":"{{now format='EEE, dd MMM yyyy HH:mm:ss Z'}}","date_sent":null,\
            "date_updated":"{{now format='EEE, dd MMM yyyy HH:mm:ss Z'}}","direction":"outbound-api",\
            "error_code":null,"error_message":null,"from":"%s","messaging_service_sid":null,"num_media":"0",\
            "num_segments":"1","price":null,"price_unit":"USD","sid":"SM{{randomValue length=32 type='HEXADECIMAL'}}",\
            "status":"queued","subresource_uris":{},"to":"+10000000000","uri":"%s"}""".formatted(ACCOUNT_SID, FROM, MESSAGES_PATH);

    private final WireMockServer server =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    public TwilioDouble start() {
        server.start();
        acceptEverything();
        return this;
    }

    public void stop() {
        server.stop();
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Where the service under test tells Twilio to call back: Quarkus' test port. */
    public static final String WEBHOOK_BASE_URL = "http://localhost:8081";

    /** The configuration that points the service's Twilio sender here. */
    public Map<String, String> config() {
        return Map.of(
                "aftercare.sms.sender", "twilio",
                "aftercare.twilio.webhook-base-url", WEBHOOK_BASE_URL,
                "aftercare.twilio.account-sid", ACCOUNT_SID,
                "aftercare.twilio.auth-token", AUTH_TOKEN,
                "aftercare.twilio.from", FROM,
                "aftercare.twilio.api-url", baseUrl());
    }

    /** Back to answering every create with 201, and forgets the requests seen so far. */
    public void acceptEverything() {
        server.resetAll();
        server.stubFor(createMessage().willReturn(created()));
        listsNothing();
    }

    /** Answers every create with 201 and this message sid, so that a test can report on it before it is recorded. */
    public void acceptAs(String sid) {
        server.stubFor(createMessage()
                .willReturn(
                        created().withBody(CREATED.replace("SM{{randomValue length=32 type='HEXADECIMAL'}}", sid))));
    }

    /** Answers every create with a bare HTTP status, after {@code delay}. */
    public void failSlowly(int httpStatus, Duration delay) {
        server.stubFor(
                createMessage().willReturn(aResponse().withStatus(httpStatus).withFixedDelay((int) delay.toMillis())));
    }

    /** Answers every create after {@code delay}, as a slow Twilio would. */
    public void acceptAfter(Duration delay) {
        server.stubFor(createMessage().willReturn(created().withFixedDelay((int) delay.toMillis())));
    }

    /** Answers every create with a Twilio error. */
    public void failWith(int httpStatus, int twilioCode, String message) {
        server.stubFor(createMessage().willReturn(error(httpStatus, twilioCode, message)));
    }

    /** Answers the next {@code errors.length} creates with these HTTP statuses (and Twilio error codes), then 201s. */
    public void failNext(int[][] errors) {
        String state = Scenario.STARTED;
        for (int i = 0; i < errors.length; i++) {
            server.stubFor(createMessage()
                    .inScenario("flaky")
                    .whenScenarioStateIs(state)
                    .willReturn(error(errors[i][0], errors[i][1], "Temporarily unavailable"))
                    .willSetStateTo("after-" + (i + 1)));
            state = "after-" + (i + 1);
        }
        server.stubFor(
                createMessage().inScenario("flaky").whenScenarioStateIs(state).willReturn(created()));
    }

    /** Answers every create with a bare HTTP status and no Twilio error body, as a proxy in front of it might. */
    public void failWithBareStatus(int httpStatus) {
        server.stubFor(createMessage().willReturn(aResponse().withStatus(httpStatus)));
    }

    /** Breaks the connection after reading the request, so the caller cannot know whether it was processed. */
    public void dropConnection() {
        server.stubFor(createMessage().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** Twilio's message list for {@code to} holds one message with this body, created just now, as {@code sid}. */
    public void listsMessage(String to, String body, String sid) {
        listsMessage(to, body, sid, Instant.now());
    }

    /** The same, created at {@code createdAt} (as Twilio's clock saw it). */
    public void listsMessage(String to, String body, String sid, Instant createdAt) {
        String created = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH)
                .format(createdAt.atOffset(ZoneOffset.UTC));
        String message = """
                {"account_sid":"%s","api_version":"2010-04-01","body":%s,\
                "date_created":"%s","date_sent":null,\
                "date_updated":"{{now format='EEE, dd MMM yyyy HH:mm:ss Z'}}","direction":"outbound-api",\
                "error_code":null,"error_message":null,"from":"%s","messaging_service_sid":null,"num_media":"0",\
                "num_segments":"1","price":null,"price_unit":"USD","sid":"%s","status":"queued",\
                "subresource_uris":{},"to":"%s","uri":"%s"}""".formatted(ACCOUNT_SID, json(body), created, FROM, sid, to, MESSAGES_PATH);
        server.stubFor(get(urlPathEqualTo(MESSAGES_PATH))
                .withQueryParam("To", equalTo(to))
                .willReturn(page(message)));
    }

    /** Twilio's message list for anyone is empty. */
    public void listsNothing() {
        server.stubFor(get(urlPathEqualTo(MESSAGES_PATH)).willReturn(page("")));
    }

    public List<LoggedRequest> listRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(MESSAGES_PATH)));
    }

    private static ResponseDefinitionBuilder page(String messages) {
        String body = """
                {"messages":[%s],"end":0,"first_page_uri":"%s?PageSize=50&Page=0","next_page_uri":null,"page":0,\
                "page_size":50,"previous_page_uri":null,"start":0,"uri":"%s?PageSize=50&Page=0"}""".formatted(messages, MESSAGES_PATH, MESSAGES_PATH);
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .withTransformers("response-template");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Breaks the connection on the next create to {@code to} only; later ones are answered 201. */
    public void dropConnectionOnce(String to) {
        server.stubFor(createMessage()
                .withFormParam("To", equalTo(to))
                .inScenario("drop-once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("dropped"));
        server.stubFor(createMessage()
                .withFormParam("To", equalTo(to))
                .inScenario("drop-once")
                .whenScenarioStateIs("dropped")
                .willReturn(created()));
    }

    /** Answers the next create to {@code to} only after {@code delay}, later ones at once. */
    public void slowOnce(String to, Duration delay) {
        server.stubFor(createMessage()
                .withFormParam("To", equalTo(to))
                .inScenario("slow-once")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(created().withFixedDelay((int) delay.toMillis()))
                .willSetStateTo("slow"));
        server.stubFor(createMessage()
                .withFormParam("To", equalTo(to))
                .inScenario("slow-once")
                .whenScenarioStateIs("slow")
                .willReturn(created()));
    }

    public List<LoggedRequest> messageRequests() {
        return server.findAll(postRequestedFor(urlEqualTo(MESSAGES_PATH)));
    }

    /** The creates sent for one recipient, as form parameters. */
    public List<Map<String, String>> messagesTo(String e164) {
        return messageRequests().stream()
                .map(TwilioDouble::form)
                .filter(form -> e164.equals(form.get("To")))
                .toList();
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new HashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            form.put(decode(nameAndValue[0]), nameAndValue.length > 1 ? decode(nameAndValue[1]) : "");
        }
        return form;
    }

    /** The {@code X-Twilio-Signature} Twilio would send: Base64(HMAC-SHA1(token, url + sorted names and values)). */
    public static String signature(String url, Map<String, String> params) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String encoded) {
        return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    }

    private static MappingBuilder createMessage() {
        return post(urlEqualTo(MESSAGES_PATH));
    }

    private static ResponseDefinitionBuilder created() {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(CREATED)
                .withTransformers("response-template");
    }

    private static ResponseDefinitionBuilder error(int httpStatus, int twilioCode, String message) {
        String body = """
                {"code":%d,"message":"%s","more_info":"https://www.twilio.com/docs/errors/%d","status":%d}""".formatted(twilioCode, message, twilioCode, httpStatus);
        return aResponse()
                .withStatus(httpStatus)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
