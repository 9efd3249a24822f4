package io.aftercare.dispatch;

import io.aftercare.config.AftercareConfig;
import io.aftercare.optout.OptOuts;
import io.aftercare.pause.SendingPauses;
import io.aftercare.phone.PhoneMask;
import io.aftercare.problem.RedactedFailure;
import io.aftercare.sms.FailureKind;
import io.aftercare.sms.SendOutcome;
import io.aftercare.sms.SentLookup;
import io.aftercare.sms.OutgoingSms;
import io.aftercare.sms.SmsGateway;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Sends the texts that are due: claims a batch, sends it with bounded concurrency (the SMS SDK blocks), records each
 * outcome as soon as it is known, and repeats until nothing is due or its time slice is used up.
 */
// Created at start-up, so that settings it cannot work with stop the service there rather than at the first send.
@Startup
@ApplicationScoped
public class Dispatcher {

    /** How far ahead a rate-limited node claims and reserves sending slots. */
    private static final Duration RATE_WINDOW = Duration.ofSeconds(5);

    /** How long shutdown waits for the sends in flight, as Quartz's {@code shutdown-wait-time}. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

    /** Twilio's "the recipient has unsubscribed": the number replied STOP to our sender at some point. */
    private static final String UNSUBSCRIBED = "21610";

    private final ReminderClaims claims;
    private final SendOutcomes outcomes;
    private final SmsGateway gateway;
    private final OptOuts optOuts;
    private final SendingPauses pauses;
    private final AftercareConfig.Dispatch config;
    private final Clock clock;
    private final RetryBackoff backoff;
    private final SendRate sendRate;
    private final Optional<Duration> spacing;
    private final ExecutorService senders;
    private final SentRecorder sentRecorder;
    private final ClaimRenewal renewal;
    private final AtomicInteger drainsRunning = new AtomicInteger();
    private final DrainWatch watch = new DrainWatch();
    private volatile boolean stopping;

    Dispatcher(ReminderClaims claims, SendOutcomes outcomes, SmsGateway gateway, OptOuts optOuts, SendingPauses pauses,
            SendRate sendRate, AftercareConfig config, Clock clock) {
        this.claims = claims;
        this.outcomes = outcomes;
        this.gateway = gateway;
        this.optOuts = optOuts;
        this.pauses = pauses;
        this.config = config.dispatch();
        this.clock = clock;
        this.backoff = RetryBackoff.from(this.config);
        this.sendRate = sendRate;
        double perSecond = config.sms().maxPerSecond();
        this.spacing = perSecond > 0
                ? Optional.of(Duration.ofNanos(Math.round(1_000_000_000 / perSecond)))
                : Optional.empty();
        this.renewal = ClaimRenewal.of(this.config.claimLease(), config.twilio().connectTimeout(),
                config.twilio().responseTimeout());
        this.sentRecorder = new SentRecorder(outcomes);
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(this.config.concurrency(),
                task -> new Thread(task, "sms-sender-" + threads.incrementAndGet()));
    }

    /**
     * Sends due texts as {@code node} until none is left or the run's time slice ends.
     *
     * @return how many texts were handed to the gateway
     */
    public int drain(String node) {
        synchronized (drainsRunning) {
            drainsRunning.incrementAndGet();
        }
        watch.started();
        boolean succeeded = false;
        try {
            int handled = drainAsLongAsDue(node);
            succeeded = true;
            return handled;
        } finally {
            watch.ended(succeeded);
            synchronized (drainsRunning) {
                drainsRunning.decrementAndGet();
                drainsRunning.notifyAll();
            }
        }
    }

    private int drainAsLongAsDue(String node) {
        Instant deadline = clock.instant().plus(config.maxRunTime());
        int outstanding = mostOutstanding();
        Semaphore room = new Semaphore(outstanding);
        int handled = 0;
        try {
            while (!stopping && clock.instant().isBefore(deadline)) {
                int size = batchSize();
                room.acquireUninterruptibly(size);
                // Waiting for room may have outlasted the run or seen the node start to stop: claim nothing more then.
                if (stopping || !clock.instant().isBefore(deadline)) {
                    room.release(size);
                    break;
                }
                int claimed = claimAndSubmit(node, size, room);
                if (claimed == 0) {
                    break;
                }
                handled += claimed;
            }
        } finally {
            // The run ends only when every text it claimed has been sent and recorded, or handed back; shutdown waits
            // for the run (onShutdown), so the database is still there for them.
            room.acquireUninterruptibly(outstanding);
        }
        return handled;
    }

    /**
     * Claims up to {@code size} texts, for which {@code room} was taken, and hands them to the senders.
     *
     * @return how many were claimed
     */
    private int claimAndSubmit(String node, int size, Semaphore room) {
        int notSubmitted = size;
        try {
            List<ClaimedText> batch = claims.claimDue(node, size, clock.instant(), config.claimLease());
            watch.progressed();
            room.release(size - batch.size());
            notSubmitted = batch.size();
            List<Instant> slots = slots(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                ClaimedText text = batch.get(i);
                Instant slot = slots.get(i);
                senders.execute(() -> sendThenFreeRoom(text, slot, room));
                notSubmitted--;
            }
            return batch.size();
        } finally {
            // A claim or reservation that failed, or senders already shut down: the room goes back, or the run would
            // wait for it forever; texts claimed but not handed over stay claimed until their lease runs out.
            room.release(notSubmitted);
        }
    }

    private void sendThenFreeRoom(ClaimedText text, Instant slot, Semaphore room) {
        try {
            sendAt(text, slot);
        } catch (RuntimeException e) {
            Log.errorf(RedactedFailure.of(e), "Sending reminder %s failed; its claim runs out and it is checked before any resend",
                    text.reminderId());
        } finally {
            watch.progressed();
            room.release();
        }
    }

    /**
     * How many claimed texts may wait for a sender at once: the next batch is claimed while the last one is still being
     * sent, so that the senders never wait for the database. Under a limit that is two half-window batches, so the
     * next batch's slots follow the last one's without a gap and no text is claimed more than a window ahead.
     */
    private int mostOutstanding() {
        return spacing.isEmpty() ? config.concurrency() + batchSize() : 2 * batchSize();
    }

    /** Under a rate limit, a claim takes only what the sender may send in the next few seconds, well within a lease. */
    private int batchSize() {
        if (spacing.isEmpty()) {
            return config.batchSize();
        }
        long perHalfWindow = Math.max(1, RATE_WINDOW.toMillis() / 2 / Math.max(1, spacing.get().toMillis()));
        return (int) Math.min(config.batchSize(), perHalfWindow);
    }

    /** When each text of a batch may go: now, or the sender's slots reserved for the whole cluster. */
    private List<Instant> slots(int count) {
        Instant now = clock.instant();
        if (spacing.isEmpty()) {
            return Collections.nCopies(count, now);
        }
        Instant first = sendRate.reserve(gateway.sender(), count, spacing.get(), now, config.claimLease());
        return IntStream.range(0, count).mapToObj(i -> first.plus(spacing.get().multipliedBy(i))).toList();
    }

    private void sendAt(ClaimedText text, Instant slot) {
        // Slots lie up to a window ahead for each node sending; a text that waited past its lease has lost its claim
        // anyway, so the cap only guards against a clock that stepped back.
        long wait = Math.min(Duration.between(clock.instant(), slot).toMillis(), config.claimLease().toMillis());
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.release(text, clock.instant());
                return;
            }
        }
        send(text);
    }

    /** This node's runs, for the health check. */
    DispatchProgress.Runs runs() {
        return watch.runs();
    }

    /** Whether the sender pool still takes texts (a worker that dies is replaced; a shut-down pool is gone). */
    boolean sendersAccepting() {
        return !senders.isShutdown();
    }

    /** Whether the thread that records sent texts still runs. */
    boolean recorderAlive() {
        return sentRecorder.isAlive();
    }

    /** Puts texts claimed by a node that died before recording their outcome back in the queue. */
    public int releaseExpiredClaims() {
        return claims.releaseExpired(clock.instant());
    }

    /** Records as expired the texts that waited past the time their advice applied. */
    public int expireStaleTexts() {
        return claims.expireStale(clock.instant());
    }

    private void send(ClaimedText text) {
        if (stopping) {
            // Not started yet: hand it back now rather than leave it claimed until the lease runs out.
            outcomes.release(text, clock.instant());
            return;
        }
        Instant now = clock.instant();
        Optional<Instant> morning = text.quietHours()
                .map(quiet -> quiet.nextAllowed(now, text.clientZone()))
                .filter(allowed -> allowed.isAfter(now));
        if (morning.isPresent()) {
            // Handed back by a retry, a release or a resume at night: it waits for the end of the quiet hours.
            outcomes.postpone(text, morning.get(), now);
            return;
        }
        OutgoingSms sms = new OutgoingSms(text.reminderId(), text.to(), text.body());
        SendOutcome outcome = text.unknownSince().isPresent() ? checkThenSend(text, sms) : attemptWhileClaimed(text, sms);
        if (outcome != null && !record(text, outcome)) {
            Log.warnf("Claim on reminder %s (attempt %d) was lost before its outcome was recorded",
                    text.reminderId(), text.attempt());
        }
    }

    /**
     * An earlier attempt may have reached the provider (its connection broke, or its node died mid-send): ask before
     * sending again, so that the client is not texted twice.
     */
    private SendOutcome checkThenSend(ClaimedText text, OutgoingSms sms) {
        SentLookup lookup = gateway.findAccepted(sms, text.unknownSince().get());
        Optional<String> accepted = lookup instanceof SentLookup.Found found
                ? found.providerIds().stream().filter(providerId -> !outcomes.isRecorded(providerId)).findFirst()
                : Optional.empty();
        if (accepted.isPresent()) {
            Log.infof("Reminder %s had been accepted already as %s; not sent again", text.reminderId(), accepted.get());
            return new SendOutcome.Accepted(accepted.get());
        }
        if (lookup instanceof SentLookup.Unavailable unavailable) {
            Log.infof("Reminder %s not resent yet: %s", text.reminderId(), unavailable.reason());
            retryOrStop(text, "not resent until the provider can confirm it did not take it; " + unavailable.reason(),
                    true, clock.instant());
            return null;
        }
        return attemptWhileClaimed(text, sms);
    }

    /**
     * The claim must still be this node's when the request reaches the provider: a text that waited until its lease ran
     * short is renewed first, and not sent when the claim was lost meanwhile.
     *
     * @return null when the claim was lost: its new owner has the text
     */
    private SendOutcome attemptWhileClaimed(ClaimedText text, OutgoingSms sms) {
        Instant now = clock.instant();
        if (renewal.needed(text, now) && !outcomes.renew(text, now, config.claimLease())) {
            Log.warnf("Claim on reminder %s (attempt %d) ran out before it could be sent; left to its new owner",
                    text.reminderId(), text.attempt());
            return null;
        }
        return attempt(sms);
    }

    private SendOutcome attempt(OutgoingSms sms) {
        try {
            return gateway.send(sms);
        } catch (RuntimeException e) {
            Log.errorf(RedactedFailure.of(e), "SMS gateway failed on reminder %s", sms.reminderId());
            return new SendOutcome.Rejected(FailureKind.UNKNOWN_OUTCOME, "gateway", e.getClass().getSimpleName());
        }
    }

    private boolean record(ClaimedText text, SendOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Accepted accepted) {
            Log.debugf("Reminder %s sent to %s as %s", text.reminderId(), PhoneMask.mask(text.to()), accepted.providerId());
            return sentRecorder.record(text, accepted.providerId(), now);
        }
        SendOutcome.Rejected rejected = (SendOutcome.Rejected) outcome;
        String error = rejected.code() + ": " + rejected.reason();
        if (UNSUBSCRIBED.equals(rejected.code())) {
            // Twilio blocks the number for the whole sender, so for every clinic; the text waits for a START.
            optOuts.optOut(text.to(), Optional.empty(), "twilio " + UNSUBSCRIBED);
            return outcomes.release(text, now);
        }
        Log.infof("Reminder %s not sent (%s, attempt %d): %s", text.reminderId(), rejected.kind(), text.attempt(), error);
        return switch (rejected.kind()) {
            case TRANSIENT -> retryOrStop(text, error, false, now);
            // The next try first asks the provider whether this one got through.
            case UNKNOWN_OUTCOME -> retryOrStop(text, "outcome unknown; " + error, true, now);
            case PERMANENT -> outcomes.failed(text, error, now);
            // The account itself is refused: stop the clinic's sending rather than fail its whole queue; the text waits.
            case ACCOUNT -> {
                pauses.pause(text.clinicId(), error);
                yield outcomes.release(text, now);
            }
        };
    }

    private boolean retryOrStop(ClaimedText text, String error, boolean outcomeUnknown, Instant now) {
        RetryBackoff.Decision decision = backoff.after(text.attempt(), now, text.expiresAt());
        if (decision instanceof RetryBackoff.Decision.RetryAt retry) {
            return outcomes.retryLater(text, error, retry.at(), outcomeUnknown, now);
        }
        if (decision instanceof RetryBackoff.Decision.Expire) {
            return outcomes.expired(text, "its advice no longer applied by the next try; " + error, now);
        }
        return outcomes.failed(text, "gave up after " + text.attempt() + " attempts; " + error, now);
    }

    /**
     * On shutdown no new batch is claimed, texts not yet started are handed back, and shutdown waits here (the
     * database is still open) until the texts being sent are recorded.
     */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
        synchronized (drainsRunning) {
            while (drainsRunning.get() > 0 && System.nanoTime() < deadline) {
                try {
                    drainsRunning.wait(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
        try {
            if (!senders.awaitTermination(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
        try {
            sentRecorder.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
