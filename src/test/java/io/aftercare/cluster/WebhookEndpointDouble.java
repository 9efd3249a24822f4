package io.aftercare.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clinic's webhook endpoint on 127.0.0.1 for the process-level tests: it keeps every request it gets and, until it is
 * released, holds each one without answering, so that the nodes' deliveries stay in flight for as long as a test
 * needs (to kill the node making them, say). Released, it answers 200 to the held requests and to every later one.
 */
final class WebhookEndpointDouble implements AutoCloseable {

    /** One request as it arrived, with the Standard Webhooks headers. */
    record Received(String id, String timestamp, String signature, String body, Instant at) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "webhook-endpoint-double");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong lastArrivalNanos = new AtomicLong(System.nanoTime());

    WebhookEndpointDouble() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers the held requests, and every later one at once. */
    void release() {
        released.countDown();
    }

    /** Requests waiting for an answer right now. */
    int held() {
        return held.get();
    }

    /** How long since the last request arrived. */
    long quietMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastArrivalNanos.get());
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body,
                    Instant.now()));
            lastArrivalNanos.set(System.nanoTime());
            held.incrementAndGet();
            try {
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                held.decrementAndGet();
            }
            try {
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException e) {
                // The node that sent it is dead: nobody is there to read the answer.
            }
        }
    }
}
