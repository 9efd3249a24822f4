package io.aftercare.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Twilio's Messages API on 127.0.0.1 answering every text after a fixed latency, as the real API would from a distant
 * data centre. It counts what it accepted, when, and to which numbers, so a run can check that no text went twice.
 */
final class LatencyTwilio implements AutoCloseable {

    static final String ACCOUNT_SID = "AC00000000000000000000000000000be7";
    static final String AUTH_TOKEN = "benchmark-token-for-the-local-double";
    static final String FROM = "+16045550100";

    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final Duration latency;
    private final AtomicInteger accepted = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final Set<String> recipients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger repeatedRecipients = new AtomicInteger();

    LatencyTwilio(Duration latency) throws IOException {
        this.latency = latency;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.createContext("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json", this::messages);
        server.setExecutor(workers);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int accepted() {
        return accepted.get();
    }

    /** Texts that reached a number already texted since the last reset: with one text per number, a duplicate. */
    int repeatedRecipients() {
        return repeatedRecipients.get();
    }

    /** Arrival instants (System.nanoTime) of the accepted texts since the last reset. */
    List<Long> arrivals() {
        return new ArrayList<>(arrivals);
    }

    void reset() {
        accepted.set(0);
        arrivals.clear();
        recipients.clear();
        repeatedRecipients.set(0);
    }

    private void messages(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            sleep(latency);
            if ("GET".equals(exchange.getRequestMethod())) {
                answer(exchange, 200, "{\"messages\":[],\"page\":0,\"page_size\":50,\"start\":0,\"end\":0,"
                        + "\"next_page_uri\":null,\"uri\":\"/\"}");
                return;
            }
            String to = parameter(form, "To");
            arrivals.add(System.nanoTime());
            if (!recipients.add(to)) {
                repeatedRecipients.incrementAndGet();
            }
            accepted.incrementAndGet();
            String now = ZonedDateTime.now(ZoneOffset.UTC).format(RFC_1123);
            answer(exchange, 201, """
                    {"account_sid":"%s","api_version":"2010-04-01","body":"(not echoed)","date_created":"%s",\
                    "date_updated":"%s","direction":"outbound-api","from":"%s","num_segments":"1",\
                    "sid":"SM%s","status":"queued","to":"%s"}"""
                    .formatted(ACCOUNT_SID, now, now, FROM, UUID.randomUUID().toString().replace("-", ""), to));
        }
    }

    private static String parameter(String form, String name) {
        for (String pair : form.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private static void sleep(Duration latency) {
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
