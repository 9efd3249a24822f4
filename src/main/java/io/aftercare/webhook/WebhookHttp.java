package io.aftercare.webhook;

import io.aftercare.config.AftercareConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Posts one event to a clinic's endpoint with Vert.x's client: connect and response timeouts, no redirect followed
 * (a 3xx is a failure), the answer's body read no further than a few KB and thrown away.
 */
@ApplicationScoped
class WebhookHttp {

    /** The headers of one attempt, as Standard Webhooks names them. */
    record Signed(String id, long timestamp, String signature, String body) {}

    private static final int MAX_ANSWER_BYTES = 4_096;

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration connectTimeout;
    private final Duration responseTimeout;

    WebhookHttp(Vertx vertx, AftercareConfig config) {
        this.vertx = vertx;
        this.connectTimeout = config.webhooks().connectTimeout();
        this.responseTimeout = config.webhooks().responseTimeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) connectTimeout.toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout(30)
                // Never the limit: a node has no more requests under way than threads, and a pool per host smaller than
                // that would let one clinic's hung endpoint queue another clinic's requests to the same host.
                .setMaxPoolSize(config.webhooks().concurrency())
                .setVerifyHost(true)
                .setForceSni(true)
                .setTryUseCompression(false)
                .setName("webhooks"));
    }

    /** The longest one attempt may take, connection included. */
    Duration attemptTimeout() {
        return connectTimeout.plus(responseTimeout);
    }

    /**
     * Completes with the receiver's HTTP status, or exceptionally when there was none. Connects to the checked address
     * while the Host header and the TLS server name stay the URL's.
     */
    CompletableFuture<Integer> post(Destinations.Destination destination, Signed signed) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(
                        destination.port(), destination.address().getHostAddress()))
                .setHost(destination.host())
                .setPort(destination.port())
                .setSsl(destination.tls())
                .setURI(destination.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(responseTimeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.USER_AGENT, "Aftercare-Webhooks/1")
                .putHeader("webhook-id", signed.id())
                .putHeader("webhook-timestamp", Long.toString(signed.timestamp()))
                .putHeader("webhook-signature", signed.signature());
        CompletableFuture<Integer> status = new CompletableFuture<>();
        client.request(options).onFailure(status::completeExceptionally).onSuccess(request -> {
            // The idle timeout ends a silent receiver; this ends one that trickles its answer a byte at a time, the
            // status line or the body after it: the whole answer gets the response timeout, and the connection is
            // closed when it runs out, so a receiver cannot keep one open for hours.
            long timer = vertx.setTimer(responseTimeout.toMillis(), id -> {
                status.completeExceptionally(new TimeoutException("No answer within " + responseTimeout));
                request.reset();
            });
            request.send(Buffer.buffer(signed.body()))
                    .onFailure(failure -> {
                        vertx.cancelTimer(timer);
                        status.completeExceptionally(failure);
                    })
                    .onSuccess(response -> {
                        status.complete(response.statusCode());
                        // The body means nothing to us; read a little so the connection can be reused, no more.
                        long[] read = {0};
                        response.exceptionHandler(ignored -> vertx.cancelTimer(timer));
                        response.endHandler(ended -> vertx.cancelTimer(timer));
                        response.handler(chunk -> {
                            read[0] += chunk.length();
                            if (read[0] > MAX_ANSWER_BYTES) {
                                vertx.cancelTimer(timer);
                                request.reset();
                            }
                        });
                    });
        });
        return status;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
