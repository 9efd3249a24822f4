package io.aftercare.benchmark;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The clinics' systems on 127.0.0.1: every webhook answered 200 after a fixed latency, on one event loop with timers
 * (as {@link LatencyTwilio}), so that the receiver is neither the bottleneck nor a thief of the two shared cores. It
 * keeps what a run checks: when each event arrived, the webhook-ids and texts it heard of, and whether a sample of the
 * signatures verifies (checked from the Standard Webhooks specification, not with the sender's code).
 */
final class SlowReceiver implements AutoCloseable {

    /** One request in this many has its signature checked: enough to catch a wrong one, cheap on a shared core. */
    private static final int SIGNATURE_SAMPLE = 10;

    private static final Pattern REMINDER_ID = Pattern.compile("\"reminderId\":\"([0-9a-f-]{36})\"");

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpServer server;
    private final long latencyMillis;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();
    private final Set<String> reminderIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger repeated = new AtomicInteger();
    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger unverified = new AtomicInteger();

    SlowReceiver(Duration latency) throws Exception {
        this.latencyMillis = latency.toMillis();
        this.server = vertx.createHttpServer(
                        new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle)
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    /** Accepts events on {@code path}, signed with the endpoint's {@code whsec_} secret. */
    void listen(String path, String secret) {
        keys.put(path, Base64.getDecoder().decode(secret.substring("whsec_".length())));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    void reset() {
        arrivals.clear();
        webhookIds.clear();
        reminderIds.clear();
        received.set(0);
        repeated.set(0);
        checked.set(0);
        unverified.set(0);
    }

    /** Requests received since the last reset, repeats included. */
    int received() {
        return received.get();
    }

    /** Requests whose webhook-id had been received before: the duplicates a receiver de-duplicates. */
    int repeated() {
        return repeated.get();
    }

    /** Distinct webhook-ids. */
    int events() {
        return webhookIds.size();
    }

    /** The texts the events were about ({@code data.reminderId}). */
    Set<String> reminderIds() {
        return Set.copyOf(reminderIds);
    }

    /** How many distinct texts the events were about. */
    int textsToldOf() {
        return reminderIds.size();
    }

    /** Whether an event about each of these texts has been received. */
    boolean toldOf(Set<String> texts) {
        return reminderIds.size() >= texts.size() && reminderIds.containsAll(texts);
    }

    int signaturesChecked() {
        return checked.get();
    }

    /** Checked signatures that did not verify, or requests to a path no endpoint was registered at. */
    int signaturesFailed() {
        return unverified.get();
    }

    /** When each request arrived ({@link System#nanoTime()}), since the last reset. */
    List<Long> arrivals() {
        return new ArrayList<>(arrivals);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            receive(request, body.toString(StandardCharsets.UTF_8));
            vertx.setTimer(
                    latencyMillis,
                    timer -> request.response().setStatusCode(200).end());
        });
    }

    private void receive(HttpServerRequest request, String body) {
        arrivals.add(System.nanoTime());
        int number = received.incrementAndGet();
        String id = String.valueOf(request.getHeader("webhook-id"));
        if (!webhookIds.add(id)) {
            repeated.incrementAndGet();
        }
        Matcher reminder = REMINDER_ID.matcher(body);
        if (reminder.find()) {
            reminderIds.add(reminder.group(1));
        }
        byte[] key = keys.get(request.path());
        if (key == null) {
            unverified.incrementAndGet();
        } else if (number % SIGNATURE_SAMPLE == 0) {
            checked.incrementAndGet();
            if (!verifies(
                    key, id, request.getHeader("webhook-timestamp"), body, request.getHeader("webhook-signature"))) {
                unverified.incrementAndGet();
            }
        }
    }

    /** Any {@code v1,<base64>} of the header is the HMAC-SHA256 of {@code id.timestamp.body}. */
    private static boolean verifies(byte[] key, String id, String timestamp, String body, String header) {
        if (timestamp == null || header == null) {
            return false;
        }
        byte[] expected;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String signature : header.split(" ")) {
            if (signature.startsWith("v1,")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        vertx.close();
    }
}
