package io.aftercare.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.aftercare.config.AftercareConfig;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the dispatcher fills its threads, with the claims and the attempts scripted: no database, no HTTP. */
class WebhookDispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScriptedClaims claims = new ScriptedClaims(10);
    private final HeldAttempts attempts = new HeldAttempts();
    private final WebhookDispatcher dispatcher = new WebhookDispatcher(claims, attempts, Clock.systemUTC(), config(2));

    @AfterEach
    void stop() {
        claims.closeQueue();
        claims.letGo();
        attempts.finishAll();
        dispatcher.stop();
    }

    @Test
    void shouldFillEveryFreeThreadWhenClaimsAreDue() {
        dispatcher.claimDue();

        await().atMost(WAIT).until(() -> attempts.started().size() == 2);
        assertThat(claims.limits()).containsExactly(2);
    }

    @Test
    void shouldClaimForAThreadThatFinishedWhileAnotherWasClaiming() {
        dispatcher.claimDue();
        await().atMost(WAIT).until(() -> attempts.started().size() == 2);
        claims.holdNextClaim();

        attempts.finish(0); // its thread claims again, and is held in the claim
        await().atMost(WAIT).until(claims::holding);
        Thread second = attempts.threadOf(1);
        attempts.finish(1); // its thread finds a claim under way and goes back to the pool
        await().atMost(WAIT).until(() -> waitingForWork(second));
        claims.letGo();

        // Without a claim for the second thread, it stayed idle until the next trigger, a second later in production.
        await().atMost(WAIT).until(() -> attempts.started().size() == 4);
        assertThat(dispatcher.inFlight()).isEqualTo(2);
    }

    @Test
    void shouldClaimOnceWhenNothingIsDue() {
        ScriptedClaims empty = new ScriptedClaims(0);
        WebhookDispatcher idle = new WebhookDispatcher(empty, attempts, Clock.systemUTC(), config(2));

        idle.claimDue();
        idle.claimDue();

        assertThat(empty.limits()).containsExactly(2, 2);
        assertThat(idle.inFlight()).isZero();
        idle.stop();
    }

    private static boolean waitingForWork(Thread thread) {
        return thread.getState() == Thread.State.WAITING
                && Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame -> frame.getMethodName().equals("getTask"));
    }

    /** Due deliveries handed out in order, up to each claim's limit; the next claim can be held until let go. */
    private static final class ScriptedClaims extends DeliveryClaims {

        private final Deque<ClaimedDelivery> due = new ArrayDeque<>();
        private final List<Integer> limits = new CopyOnWriteArrayList<>();
        private volatile CountDownLatch hold;
        private volatile CountDownLatch held = new CountDownLatch(0);
        private volatile boolean holding;

        ScriptedClaims(int count) {
            super(null);
            for (int i = 0; i < count; i++) {
                due.add(delivery(i));
            }
        }

        @Override
        List<ClaimedDelivery> claimDue(String node, int limit, int perEndpoint, Instant now, Duration lease) {
            limits.add(limit);
            CountDownLatch latch = hold;
            if (latch != null) {
                hold = null;
                holding = true;
                awaitQuietly(latch);
                holding = false;
            }
            List<ClaimedDelivery> claimed = new ArrayList<>();
            synchronized (due) {
                while (claimed.size() < limit && !due.isEmpty()) {
                    claimed.add(due.poll());
                }
            }
            return claimed;
        }

        @Override
        boolean release(ClaimedDelivery delivery, Instant now) {
            return true;
        }

        void holdNextClaim() {
            held = new CountDownLatch(1);
            hold = held;
        }

        boolean holding() {
            return holding;
        }

        void letGo() {
            held.countDown();
        }

        List<Integer> limits() {
            return List.copyOf(limits);
        }

        void closeQueue() {
            synchronized (due) {
                due.clear();
            }
        }

        private static ClaimedDelivery delivery(int number) {
            return new ClaimedDelivery(
                    new UUID(0, number),
                    1,
                    Instant.now().plus(Duration.ofHours(24)),
                    "msg_" + number,
                    "{}",
                    new UUID(1, 0),
                    "https://clinic.example/hooks",
                    List.of(WebhookSecret.generate()),
                    "node-a",
                    Instant.now().plus(Duration.ofMinutes(1)));
        }
    }

    /** Attempts that last until the test finishes them, each remembered with the thread that made it. */
    private static final class HeldAttempts extends WebhookDelivery {

        private final List<ClaimedDelivery> started = new CopyOnWriteArrayList<>();
        private final Map<UUID, Thread> threads = new ConcurrentHashMap<>();
        private final Map<UUID, CountDownLatch> finishes = new ConcurrentHashMap<>();
        private volatile boolean finishingAll;

        HeldAttempts() {
            super(null, null, null, null, Clock.systemUTC(), config(2), null);
        }

        @Override
        void attempt(ClaimedDelivery delivery) {
            threads.put(delivery.deliveryId(), Thread.currentThread());
            CountDownLatch finish = finishes.computeIfAbsent(delivery.deliveryId(), id -> new CountDownLatch(1));
            started.add(delivery);
            if (!finishingAll) {
                awaitQuietly(finish);
            }
        }

        List<ClaimedDelivery> started() {
            return List.copyOf(started);
        }

        Thread threadOf(int number) {
            return threads.get(new UUID(0, number));
        }

        void finish(int number) {
            finishes.computeIfAbsent(new UUID(0, number), id -> new CountDownLatch(1))
                    .countDown();
        }

        void finishAll() {
            finishingAll = true;
            finishes.values().forEach(CountDownLatch::countDown);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // The project has no mocking library; a proxy answers the few settings the dispatcher and the delivery read.
    private static AftercareConfig config(int concurrency) {
        AftercareConfig.Webhooks webhooks = (AftercareConfig.Webhooks) Proxy.newProxyInstance(
                AftercareConfig.class.getClassLoader(),
                new Class<?>[] {AftercareConfig.Webhooks.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "concurrency" -> concurrency;
                    case "maxInFlightPerEndpoint" -> 2;
                    case "claimLease" -> Duration.ofMinutes(1);
                    case "connectTimeout" -> Duration.ofMillis(100);
                    case "responseTimeout" -> Duration.ofMillis(100);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (AftercareConfig) Proxy.newProxyInstance(
                AftercareConfig.class.getClassLoader(),
                new Class<?>[] {AftercareConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("webhooks")) {
                        return webhooks;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
