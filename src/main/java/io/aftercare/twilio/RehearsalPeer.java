package io.aftercare.twilio;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for Twilio's API on a loopback port of this process, answering every request with a created message:
 * the peer of {@link TwilioSmsGateway#rehearse}. Built on the JDK's own HTTP server, which is already there.
 */
final class RehearsalPeer implements AutoCloseable {

    private static final byte[] CREATED_MESSAGE = """
            {"sid":"SM00000000000000000000000000000000","status":"accepted","num_segments":"1"}""".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final AtomicInteger answered = new AtomicInteger();

    RehearsalPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            // Not kept in the pool: the HTTP client's connections are for Twilio.
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(201, CREATED_MESSAGE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(CREATED_MESSAGE);
            }
            answered.incrementAndGet();
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort());
    }

    /** How many requests it answered. */
    int answered() {
        return answered.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
