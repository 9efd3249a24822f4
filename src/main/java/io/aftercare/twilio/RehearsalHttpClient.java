package io.aftercare.twilio;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds each request as the real client would, body included, and answers it in memory with a created message:
 * nothing leaves the process. {@link TwilioSmsGateway#rehearse} sends one text through it at start-up.
 */
final class RehearsalHttpClient extends HttpClient {

    private static final String CREATED_MESSAGE = """
            {"sid":"SM00000000000000000000000000000000","status":"accepted","num_segments":"1"}""";

    private final SingleAttemptHttpClient real;
    private final AtomicInteger built = new AtomicInteger();

    RehearsalHttpClient(SingleAttemptHttpClient real) {
        this.real = real;
    }

    @Override
    public Response makeRequest(Request request) {
        try {
            real.toHttp(request).getEntity().writeTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        built.incrementAndGet();
        return new Response(CREATED_MESSAGE, 201);
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
        return makeRequest(request);
    }

    /** How many requests were built: none reached the network. */
    int built() {
        return built.get();
    }
}
