package io.aftercare.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.aftercare.reply.ReplyReceived;
import io.aftercare.support.AftercareTest;
import io.aftercare.support.TestClinics;
import io.aftercare.support.TestClinics.Clinic;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A rogue clinic's registrations and receivers: nothing it sends or answers costs the service more than a little. */
@AftercareTest
@TestProfile(WebhookProfile.class)
class WebhookAttackTest {

    @Inject
    EventFiring events;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldRefuseAPortOutOfRangeNamingTheUrl() {
        given().auth()
                .oauth2(TestClinics.create().key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:99999/hook", "events", List.of("reply.received")))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.equalTo(List.of("url")));
    }

    @Test
    void shouldAnswerALongListOfEventTypesWithOneShortProblem() {
        // 48 KB of request asking for as many problems as it can: the answer names the list once.
        List<String> events = Collections.nCopies(12_000, "x");

        String problem = given().auth()
                .oauth2(TestClinics.create().key())
                .contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/hook", "events", events))
                .post("/v1/clinic/webhooks")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.equalTo(List.of("events")))
                .extract()
                .asString();
        assertThat(problem.length()).isLessThan(2_000);
    }

    @Test
    void shouldHangUpOnAReceiverThatTricklesItsAnswer() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            // Answers 200 at once, then a byte every 200 ms of a body it says is a megabyte long: never idle for the
            // 1 s response timeout, done after some 55 hours.
            CompletableFuture<Instant> hungUp = CompletableFuture.supplyAsync(() -> trickle(server), threads);
            Clinic clinic = TestClinics.create();
            TestClinics.registerWebhook(
                    clinic, "http://127.0.0.1:" + server.getLocalPort() + "/trickle", List.of("reply.received"));
            Instant fired = Instant.now();
            events.fire(reply(clinic));

            // The whole answer gets the response timeout (1 s): then the connection is closed.
            await().atMost(Duration.ofSeconds(6)).until(hungUp::isDone);
            assertThat(Duration.between(fired, hungUp.join())).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldHangUpOnAReceiverThatAnswersWithoutEnd() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> flood(server), threads);
            Clinic clinic = TestClinics.create();
            TestClinics.registerWebhook(
                    clinic, "http://127.0.0.1:" + server.getLocalPort() + "/flood", List.of("reply.received"));
            events.fire(reply(clinic));

            await().atMost(Duration.ofSeconds(6)).until(read::isDone);
            assertThat(read.join()).as("bytes written before the hang-up").isLessThan(10_000_000L);
        }
    }

    @Test
    void shouldNotLetOneClinicsSlowEndpointsHoldBackAnotherClinicsEvents() throws IOException {
        HttpServer slow = receiver(Duration.ofMillis(700));
        HttpServer fast = receiver(Duration.ZERO);
        try {
            // The most endpoints a clinic may have, each answering 200 after 0.7 s, never failing, so never backed
            // off: more than the node's 8 threads can serve, and 100 deliveries wait behind them.
            Clinic rogue = TestClinics.create();
            for (int i = 0; i < 10; i++) {
                TestClinics.registerWebhook(rogue, url(slow, "/slow" + i), List.of("reply.received"));
            }
            for (int i = 0; i < 10; i++) {
                events.fire(reply(rogue));
            }
            Clinic other = TestClinics.create();
            TestClinics.registerWebhook(other, url(fast, "/other"), List.of("reply.received"));
            await().atMost(Duration.ofSeconds(5)).until(() -> slowAnswered.size() >= 8);

            Instant fired = Instant.now();
            events.fire(reply(other));

            await().atMost(Duration.ofSeconds(10)).until(() -> fastAnswered.contains("/other"));
            // The other clinic waits for one thread to free up (0.7 s), not for the rogue clinic's backlog (~9 s).
            assertThat(Duration.between(fired, Instant.now())).isLessThan(Duration.ofMillis(2_500));
        } finally {
            slow.stop(0);
            fast.stop(0);
        }
    }

    private final List<String> slowAnswered = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> fastAnswered = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A receiver on loopback that answers 200 after {@code delay}, on as many threads as it is asked for. */
    private HttpServer receiver(Duration delay) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        List<String> answered = delay.isZero() ? fastAnswered : slowAnswered;
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delay.toMillis()); // the receiver's own slowness, not the test waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answered.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String url(HttpServer server, String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves one request with a trickled answer; completes when the service hangs up. */
    private static Instant trickle(ServerSocket server) {
        try (Socket socket = server.accept()) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (true) {
                out.write('x');
                out.flush();
                if (socket.getInputStream().available() < 0) {
                    break;
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            return Instant.now(); // the service closed the connection: the write failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Instant.MAX;
    }

    /** Serves one request with an answer that never ends; answers how much it wrote before the service hung up. */
    private static long flood(ServerSocket server) {
        long written = 0;
        try (Socket socket = server.accept()) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("1000\r\n" + "x".repeat(4096) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            while (written < 100_000_000L) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            return written;
        }
        return written;
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the request ended");
            }
            head.append((char) b);
        }
        String lengthHeader = head.toString()
                .lines()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst()
                .orElse("content-length: 0");
        in.readNBytes(Integer.parseInt(lengthHeader.substring(15).strip()));
    }

    private static ReplyReceived reply(Clinic clinic) {
        return new ReplyReceived(
                UUID.randomUUID(),
                clinic.id(),
                Optional.of(UUID.randomUUID()),
                Optional.of("client-66"),
                Optional.empty(),
                "URGENT",
                "it is bleeding",
                Instant.now());
    }
}
