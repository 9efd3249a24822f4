package io.aftercare.benchmark;

import io.aftercare.cluster.TwilioApiDouble;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's Messages API on 127.0.0.1 answering every text after a fixed latency, as the real API would from a distant
 * data centre. It counts what it accepted, when, and to which numbers, so that a run can check no text went twice.
 *
 * <p>The same API and account as {@link TwilioApiDouble}, which the reliability tests use, but built on an event loop
 * with timers instead of the JDK's HTTP server and a thread per request: it shares two cores with the service under
 * test, and whatever CPU it spends is taken from the service (here about 0.1 ms a text, against some 1.8 ms for a
 * double on the JDK's server).
 */
final class LatencyTwilio implements AutoCloseable {

    private static final String MESSAGES = TwilioApiDouble.MESSAGES_PATH;
    private static final String EMPTY_PAGE = "{\"messages\":[],\"page\":0,\"page_size\":50,\"start\":0,\"end\":0,"
            + "\"next_page_uri\":null,\"uri\":\"" + MESSAGES + "\"}";

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpServer server;
    private final long latencyMillis;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
    private final Set<String> recipients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeatedRecipients = new AtomicInteger();

    LatencyTwilio(Duration latency) throws Exception {
        this.latencyMillis = latency.toMillis();
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        warmUp();
    }

    /**
     * Answers a few texts of its own before any run: its first answers would otherwise pay for loading and seeding what
     * an answer uses (the event loop's request path, the random ids, the date format), hold every text behind them on
     * its one event loop, and show the service's first texts arriving in a clump they were not sent in.
     */
    private void warmUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + MESSAGES))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("To=%2B1604555" + (1000 + i) + "&Body=warm-up"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("The Twilio double answered its warm-up with " + answer.statusCode());
            }
        }
        reset();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    int accepted() {
        return accepted.get();
    }

    /** Texts that reached a number already texted since the last reset: with one text per number, a duplicate. */
    int repeatedRecipients() {
        return repeatedRecipients.get();
    }

    /** When each accepted text was answered (System.nanoTime), since the last reset. */
    List<Long> arrivals() {
        return new ArrayList<>(answered);
    }

    void reset() {
        accepted.set(0);
        answered.clear();
        recipients.clear();
        repeatedRecipients.set(0);
    }

    private void handle(HttpServerRequest request) {
        if (!MESSAGES.equals(request.path())) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.body()
                .onSuccess(body -> vertx.setTimer(latencyMillis, timer -> {
                    if (request.method() == HttpMethod.GET) {
                        json(request, 200, EMPTY_PAGE);
                        return;
                    }
                    json(request, 201, accept(parameter(body, "To")));
                }));
    }

    private String accept(String to) {
        answered.add(System.nanoTime());
        if (!recipients.add(to)) {
            repeatedRecipients.incrementAndGet();
        }
        accepted.incrementAndGet();
        String now = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        return """
                {"account_sid":"%s","api_version":"2010-04-01","body":"(not echoed)","date_created":"%s",\
                "date_updated":"%s","direction":"outbound-api","from":"%s","num_segments":"1",\
                "sid":"SM%s","status":"queued","to":"%s"}""".formatted(
                        TwilioApiDouble.ACCOUNT_SID,
                        now,
                        now,
                        TwilioApiDouble.FROM,
                        UUID.randomUUID().toString().replace("-", ""),
                        to);
    }

    private static void json(HttpServerRequest request, int status, String json) {
        request.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(json);
    }

    private static String parameter(Buffer form, String name) {
        for (String pair : form.toString(StandardCharsets.UTF_8).split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    @Override
    public void close() {
        vertx.close();
    }
}
