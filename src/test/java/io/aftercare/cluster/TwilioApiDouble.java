package io.aftercare.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Twilio's Messages API on 127.0.0.1 that remembers what it accepted, for tests and benchmarks that run the service as
 * separate processes. Creates are answered 201 with a fresh {@code SM...} sid (or as a {@link Behaviour} decides),
 * and the message list ({@code GET Messages.json?To=...}) shows what was accepted, as the service's lookup before a
 * resend expects. Each node gets its own listener, so the double knows which node sent each request.
 */
public final class TwilioApiDouble implements AutoCloseable {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "test-auth-token-for-the-local-double";
    public static final String FROM = "+16045550100";
    public static final String MESSAGES_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message the double took, so Twilio would have sent it. */
    public record Accepted(String sid, String to, String body, String via, Instant at) {}

    /** A create request as it arrived, whatever the answer. */
    public record Call(int number, String via, int numberVia, String to, String body, Instant at) {}

    /** Decides how one create request is answered. */
    @FunctionalInterface
    public interface Behaviour {
        Reply answer(Call call);
    }

    /**
     * One answer: whether the message is taken (and listed) first, how long the answer takes, what runs before it is
     * written (to kill or freeze the calling node at a precise point), and the answer itself.
     */
    public record Reply(boolean take, Duration delay, Runnable before, int status, int twilioCode, boolean drop) {

        public static Reply accept() {
            return new Reply(true, Duration.ZERO, () -> {}, 201, 0, false);
        }

        public static Reply acceptAfter(Duration latency) {
            return new Reply(true, latency, () -> {}, 201, 0, false);
        }

        public static Reply error(int status, int twilioCode) {
            return new Reply(false, Duration.ZERO, () -> {}, status, twilioCode, false);
        }

        /** No answer within the caller's timeout; Twilio may or may not have taken the message. */
        public static Reply timeout(Duration hang, boolean taken) {
            return new Reply(taken, hang, () -> {}, 201, 0, false);
        }

        /** The connection breaks after the request was read; Twilio may or may not have taken the message. */
        public static Reply drop(boolean taken) {
            return new Reply(taken, Duration.ZERO, () -> {}, 0, 0, true);
        }

        public Reply before(Runnable action) {
            return new Reply(take, delay, action, status, twilioCode, drop);
        }
    }

    private final List<HttpServer> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "twilio-double");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger callNumbers = new AtomicInteger();
    private final Map<String, AtomicInteger> callNumbersVia = new ConcurrentHashMap<>();
    private volatile Behaviour behaviour = call -> Reply.accept();

    /** Opens a listener for the node called {@code via}; answers its base URL, for {@code aftercare.twilio.api-url}. */
    public String listenerFor(String via) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.createContext("/", exchange -> handle(via, exchange));
            server.setExecutor(threads);
            server.start();
            listeners.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets every message and request, and goes back to accepting everything at once. */
    public void reset() {
        accepted.clear();
        calls.clear();
        callNumbers.set(0);
        callNumbersVia.clear();
        behaviour = call -> Reply.accept();
    }

    public void behave(Behaviour behaviour) {
        this.behaviour = Objects.requireNonNull(behaviour);
    }

    public List<Accepted> accepted() {
        return List.copyOf(accepted);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Messages taken more than once for the same recipient and body: what a client would see as a double text. */
    public Map<String, Long> duplicates() {
        return accepted.stream()
                .collect(Collectors.groupingBy(message -> message.to() + " | " + message.body(), Collectors.counting()))
                .entrySet()
                .stream()
                .filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void close() {
        listeners.forEach(server -> server.stop(0));
        threads.shutdownNow();
    }

    private void handle(String via, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(MESSAGES_PATH)) {
                respond(
                        exchange,
                        404,
                        Map.of("code", 20404, "message", "The requested resource was not found", "status", 404));
            } else if (exchange.getRequestMethod().equals("POST")) {
                create(via, exchange);
            } else {
                list(exchange);
            }
        }
    }

    private void create(String via, HttpExchange exchange) throws IOException {
        Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Call call = new Call(
                callNumbers.incrementAndGet(),
                via,
                callNumbersVia.computeIfAbsent(via, name -> new AtomicInteger()).incrementAndGet(),
                form.get("To"),
                form.get("Body"),
                Instant.now());
        calls.add(call);
        Reply reply = behaviour.answer(call);
        Accepted message = null;
        if (reply.take()) {
            message = new Accepted(
                    "SM" + UUID.randomUUID().toString().replace("-", ""), call.to(), call.body(), via, Instant.now());
            accepted.add(message);
        }
        reply.before().run();
        pause(reply.delay());
        if (reply.drop()) {
            return; // closed without an answer: the caller sees the connection end
        }
        if (reply.status() == 201) {
            respond(exchange, 201, resource(message));
        } else {
            respond(
                    exchange,
                    reply.status(),
                    Map.of(
                            "code",
                            reply.twilioCode(),
                            "message",
                            "Simulated failure",
                            "more_info",
                            "https://www.twilio.com/docs/errors/" + reply.twilioCode(),
                            "status",
                            reply.status()));
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> query =
                decode(Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), ""));
        int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "50"));
        List<Map<String, Object>> messages = accepted.stream()
                .filter(message -> message.to().equals(query.get("To")))
                .sorted(Comparator.comparing(Accepted::at).reversed())
                .limit(pageSize)
                .map(TwilioApiDouble::resource)
                .toList();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("messages", messages);
        page.put("first_page_uri", MESSAGES_PATH + "?PageSize=" + pageSize + "&Page=0");
        page.put("next_page_uri", null);
        page.put("previous_page_uri", null);
        page.put("page", 0);
        page.put("page_size", pageSize);
        page.put("start", 0);
        page.put("end", messages.size());
        page.put("uri", MESSAGES_PATH + "?PageSize=" + pageSize + "&Page=0");
        respond(exchange, 200, page);
    }

    private static Map<String, Object> resource(Accepted message) {
        Map<String, Object> resource = new HashMap<>();
        resource.put("account_sid", ACCOUNT_SID);
        resource.put("api_version", "2010-04-01");
        resource.put("sid", message.sid());
        resource.put("to", message.to());
        resource.put("from", FROM);
        resource.put("body", message.body());
        resource.put("status", "queued");
        resource.put("direction", "outbound-api");
        resource.put("num_segments", "1");
        resource.put("num_media", "0");
        resource.put("date_created", RFC_1123.format(message.at().atOffset(ZoneOffset.UTC)));
        resource.put("date_updated", RFC_1123.format(message.at().atOffset(ZoneOffset.UTC)));
        resource.put("uri", MESSAGES_PATH.replace(".json", "/" + message.sid() + ".json"));
        return resource;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] json = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        exchange.getResponseBody().write(json);
    }

    private static Map<String, String> decode(String form) {
        Map<String, String> values = new HashMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                String[] nameAndValue = pair.split("=", 2);
                values.put(
                        URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        nameAndValue.length > 1 ? URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    /** Holds the answer back on purpose: the latency, or the hang past the caller's timeout, is the scenario. */
    private static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The requests per node, for a test's report. */
    public Map<String, Long> callsPerNode() {
        return calls.stream().collect(Collectors.groupingBy(Call::via, Collectors.counting()));
    }

    /** Every create seen for a recipient, oldest first. */
    public List<Call> callsTo(String to) {
        List<Call> matching = new ArrayList<>();
        for (Call call : calls) {
            if (call.to().equals(to)) {
                matching.add(call);
            }
        }
        return matching;
    }

    /** A behaviour that answers every create after {@code latency}. */
    public static Behaviour withLatency(Duration latency) {
        return call -> Reply.acceptAfter(latency);
    }
}
