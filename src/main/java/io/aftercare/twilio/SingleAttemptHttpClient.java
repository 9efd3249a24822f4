package io.aftercare.twilio;

import com.twilio.constant.EnumConstants;
import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client the Twilio SDK is given: one HTTP request per call, sent to a configurable base URL.
 *
 * <p>The SDK's own client re-POSTs on any 5xx (three tries) and Apache HttpClient's default strategy re-sends on 429
 * and 503. Creating a message is not idempotent, so either would text a client twice; retries belong to the
 * dispatcher, which knows what was already attempted.
 */
final class SingleAttemptHttpClient extends HttpClient implements AutoCloseable {

    private static final String TWILIO_API_HOST = "api.twilio.com";
    private static final String USER_AGENT = "aftercare (twilio-java 13)";

    private final URI apiBase;
    private final CloseableHttpClient http;

    SingleAttemptHttpClient(URI apiBase, Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        this.apiBase = apiBase;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(responseTimeout))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableContentCompression()
                .disableRedirectHandling()
                .build();
    }

    private SingleAttemptHttpClient(URI apiBase, CloseableHttpClient http) {
        this.apiBase = apiBase;
        this.http = http;
    }

    /**
     * The same connections and settings sending to another base URL: {@link TwilioSmsGateway#rehearse} runs one
     * request through every step of the real client against a peer in this process. Never closed: it shares this
     * client's pool.
     */
    SingleAttemptHttpClient sendingTo(URI base) {
        return new SingleAttemptHttpClient(base, http);
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        HttpUriRequestBase http = toHttp(request, apiBase);
        try {
            return this.http.execute(http, response -> {
                String content = response.getEntity() == null
                        ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                if (response.getCode() >= 400 && !content.stripLeading().startsWith("{")) {
                    content = bareErrorBody(response.getCode(), response.getReasonPhrase());
                }
                return new Response(content, response.getCode(), response.getHeaders());
            });
        } catch (IOException e) {
            throw new ApiConnectionException(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The HTTP request the SDK's request becomes: routed to {@code base}, one attempt, our user agent. */
    private static HttpUriRequestBase toHttp(Request request, URI base) {
        HttpUriRequestBase http = new HttpUriRequestBase(request.getMethod().toString(), target(request, base));
        if (request.requiresAuthentication()) {
            http.addHeader(HttpHeaders.AUTHORIZATION, request.getAuthString());
        }
        request.getHeaderParams().forEach((name, values) -> values.forEach(value -> http.addHeader(name, value)));
        http.setHeader(HttpHeaders.USER_AGENT, USER_AGENT);
        if (request.getMethod() != HttpMethod.GET) {
            http.setEntity(
                    isJson(request)
                            ? new StringEntity(request.getBody(), ContentType.APPLICATION_JSON)
                            : new UrlEncodedFormEntity(
                                    formParameters(request.getPostParams()), StandardCharsets.UTF_8));
        }
        return http;
    }

    /** The SDK addresses {@code https://api.twilio.com}; the path and query are kept, the base is ours. */
    private static URI target(Request request, URI apiBase) {
        URL url = request.constructURL();
        if (!TWILIO_API_HOST.equals(url.getHost())) {
            throw new IllegalArgumentException(
                    "Only Twilio's REST API (" + TWILIO_API_HOST + ") is routed, not " + url.getHost());
        }
        String base = apiBase.toString().replaceAll("/+$", "");
        return URI.create(base + url.getFile());
    }

    /**
     * A proxy or load balancer in front of Twilio can answer an error without Twilio's error JSON; the SDK would then
     * fail to parse it and drop the HTTP status, which decides whether the text may be retried.
     */
    private static String bareErrorBody(int status, String reasonPhrase) {
        return "{\"status\":%d,\"message\":\"HTTP %d %s without a Twilio error body\"}"
                .formatted(status, status, reasonPhrase == null ? "" : reasonPhrase.replaceAll("[^A-Za-z ]", ""));
    }

    private static boolean isJson(Request request) {
        return request.getContentType() != null
                && EnumConstants.ContentType.JSON
                        .getValue()
                        .equals(request.getContentType().getValue());
    }

    private static List<NameValuePair> formParameters(Map<String, List<String>> parameters) {
        List<NameValuePair> pairs = new ArrayList<>();
        parameters.forEach((name, values) -> values.forEach(value -> pairs.add(new BasicNameValuePair(name, value))));
        return pairs;
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
