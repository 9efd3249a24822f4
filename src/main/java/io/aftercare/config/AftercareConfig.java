package io.aftercare.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/** Everything an operator can set under {@code aftercare.*}; the configuration table in docs/configuration.md mirrors it. */
// Over 150 lines: every key an operator can set, one Javadoc line each, in one place on purpose (docs/configuration.md
// mirrors it); splitting it would scatter the configuration reference.
@ConfigMapping(prefix = "aftercare")
public interface AftercareConfig {

    Bootstrap bootstrap();

    Admin admin();

    Auth auth();

    Sms sms();

    Twilio twilio();

    Plan plan();

    Dispatch dispatch();

    Sessions sessions();

    Retention retention();

    Erasure erasure();

    Webhooks webhooks();

    Page page();

    Staff staff();

    /**
     * The public base URL of the clients' aftercare pages, e.g. {@code https://care.example.com}: each session gets a
     * page at {@code <url>/a/<token>} and the plan's short texts, of one SMS segment each, link to it. While unset
     * there are no pages and the plan's full texts are sent.
     */
    Optional<String> publicBaseUrl();

    /**
     * How long a stopping node waits for its work in flight: first the HTTP requests being served, then the texts being
     * sent and recorded (how the one budget is spent: {@code dispatch/Dispatcher}). Keep it above the longest send, twice
     * {@code aftercare.twilio.connect-timeout} plus {@code aftercare.twilio.response-timeout}.
     */
    @WithDefault("30s")
    Duration shutdownWait();

    /**
     * Largest request body of every route but the bulk import of sessions, which takes up to {@code
     * quarkus.http.limits.max-body-size} (1M, the ceiling of every route); larger is refused with a 413.
     */
    @WithDefault("64K")
    MemorySize maxBodySize();

    interface Bootstrap {
        /** Name of the clinic created at start-up when the database has no clinic yet. */
        Optional<String> clinicName();

        /** API key of that first clinic (at least 32 characters); read from the environment, never committed. */
        Optional<String> apiKey();

        /** IANA time zone used for that clinic's clients when a post names none. */
        @WithDefault("America/Vancouver")
        String timeZone();

        /** ISO 3166 region used to read that clinic's phone numbers written without a country code. */
        @WithDefault("CA")
        String region();

        /** Locale of that clinic's texts when a post names none. */
        @WithDefault("en")
        String locale();

        /**
         * Password of the demo manager {@code manager@demo.clinic} created for that clinic (dev and demo profiles only);
         * no demo manager while unset.
         */
        Optional<String> managerPassword();

        /**
         * Whether that clinic gets demo data once (dev and demo profiles only): a few sessions with texts due today, an
         * urgent reply and a failed text, so the dashboard has something to show.
         */
        @WithDefault("false")
        boolean demoData();
    }

    interface Admin {
        /** Bearer key of the admin API ({@code /admin/v1}); the admin API answers 401 to everything while unset. */
        Optional<String> apiKey();
    }

    interface Auth {
        /** Failed authentications one client address may make per window; its further attempts get 429 until it ends. */
        @WithDefault("20")
        int maxFailures();

        /** The window over which failed authentications are counted, per address and per node. */
        @WithDefault("1m")
        Duration failureWindow();

        /** Most API keys one clinic may hold unrevoked; issuing another answers 409. */
        @WithDefault("10")
        int maxActiveKeysPerClinic();

        /**
         * How long a node trusts what it remembers of an API key, a clinic's settings and its wordings: a change made
         * through this node applies at once, one made through another node here within this time.
         */
        @WithDefault("5s")
        Duration cacheTtl();
    }

    interface Sms {
        /** {@code console} or {@code twilio}; unset means twilio when an account SID is configured, console otherwise. */
        Optional<String> sender();

        /**
         * Most texts per second the whole cluster sends through one sender (Twilio: about 1 for a long code, 3 for
         * toll-free, 100 or more for a short code). 0 lifts the limit.
         */
        @WithDefault("1")
        double maxPerSecond();
    }

    interface Twilio {
        /** Account SID ({@code AC...}). */
        Optional<String> accountSid();

        /** Auth token; read from the environment, never committed. */
        Optional<String> authToken();

        /** Sending number in E.164; either this or a messaging service SID. */
        Optional<String> from();

        /** Messaging Service SID ({@code MG...}); takes precedence over {@code from}. */
        Optional<String> messagingServiceSid();

        /**
         * The public base URL at which Twilio reaches this service, e.g. {@code https://aftercare.example.com}. When set,
         * every text asks Twilio for delivery receipts at {@code <url>/v1/twilio/status}, and webhook signatures are
         * checked against URLs under it; while unset the webhooks answer 404.
         */
        Optional<String> webhookBaseUrl();

        /** Base URL of Twilio's REST API; tests and regional edges point it elsewhere. */
        @WithDefault("https://api.twilio.com")
        String apiUrl();

        /** How long to wait for a TCP connection to Twilio. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** How long to wait for Twilio's answer once the request is written. */
        @WithDefault("15s")
        Duration responseTimeout();

        /**
         * Whether the service answers HELP itself. Off: Twilio answers HELP on long codes and toll-free numbers by
         * default, and with a Messaging Service's Advanced Opt-Out reply, so a second answer would reach the client
         * (twilio.com/docs/messaging/tutorials/advanced-opt-out). Turn on only where Twilio's HELP answer is off.
         */
        @WithDefault("false")
        boolean answerHelp();
    }

    interface Plan {
        /** A plan file on disk replacing the built-in plan (the classpath one is used while unset). */
        Optional<String> location();
    }

    interface Dispatch {
        /**
         * How often the clustered dispatch job looks for due texts, on some node of the cluster: what sends a dead node's
         * texts, and those another node wrote, when no node woke for them.
         */
        @WithDefault("1s")
        Duration interval();

        /**
         * Whether a node also runs dispatch on its own the moment its next text falls due, when it writes a text due
         * sooner, and at once when a run used up its slice with texts still due; off, only the dispatch job runs it.
         */
        @WithDefault("true")
        boolean wakeUp();

        /** How many due texts one claim takes. */
        @WithDefault("200")
        int batchSize();

        /**
         * How many texts one node sends at the same time. The Twilio SDK blocks for a whole round trip, so a node sends at
         * most about this many texts per round trip (200 at 50 ms: about 4,000 per second, more than two cores send).
         */
        @WithDefault("200")
        int concurrency();

        /** How long a claim is exclusive to the node that made it; after that another node may recover it. */
        @WithDefault("2m")
        Duration claimLease();

        /**
         * How often the cluster looks for claims that outlived their lease (their node died or froze) and puts those
         * texts back in the queue: a takeover comes at most this long after the lease runs out.
         */
        @WithDefault("15s")
        Duration releaseInterval();

        /** How many times a text is tried at most when sending fails for a reason that may pass. */
        @WithDefault("5")
        int maxAttempts();

        /** Wait before the first retry; it doubles on each further one, with a random spread of 20 %. */
        @WithDefault("30s")
        Duration retryDelay();

        /** Longest wait between two tries of a text. */
        @WithDefault("30m")
        Duration maxRetryDelay();

        /** Longest a single dispatch run keeps claiming before the next run (on the same node, at once) takes over. */
        @WithDefault("30s")
        Duration maxRunTime();

        /**
         * How long dispatch may move nothing before readiness reports it down: a run on this node that sends and claims
         * nothing, this node's runs all failing while texts wait, or the dispatch trigger firing nowhere in the cluster
         * while texts wait. Keep it above the slowest single send (twice the connect timeout plus the response
         * timeout: 40 s by default) and Quartz's takeover of a dead node's trigger (about 9 s).
         */
        @WithDefault("1m")
        Duration stallAfter();

        /**
         * Largest offset either way between this node's clock and the database's at which the node claims texts and
         * runs scheduled jobs; past it, readiness reports the node down. Below Quartz's 7.5 s check-in margin.
         */
        @WithDefault("2s")
        Duration maxClockOffset();
    }

    interface Sessions {
        /** How long after a session ended it may still be posted. */
        @WithDefault("P365D")
        Duration maxAge();

        /** How far in the future {@code endedAt} may lie, to allow for clock skew. */
        @WithDefault("PT15M")
        Duration maxClockSkew();
    }

    interface Retention {
        /** Days after a client's last session ended before their data is erased, for clinics that set none (30 to 3650). */
        @WithDefault("400")
        @Min(30)
        @Max(3650)
        int defaultDays();

        /** How many clients (or replies, opt-outs, webhook events) the retention purge takes in one transaction. */
        @WithDefault("100")
        @Min(1)
        int batchSize();

        /** How often the clustered retention purge looks for clients past their clinic's retention. */
        @WithDefault("1h")
        Duration interval();
    }

    interface Erasure {
        /**
         * Secret (at least 32 random characters) keying the marker that keeps an erased client's STOP without keeping
         * their number; read from the environment, never committed. While unset, a secret generated in the database at
         * installation keys it, so a copy of the database can test candidate numbers against the markers.
         */
        Optional<String> markerSecret();
    }

    interface Page {
        /** How long after a session's last aftercare step its page stays readable; then it says the aftercare ended. */
        @WithDefault("P120D")
        Duration lifetime();

        /** Page requests one client address may make per minute, per node; more get 429, so tokens are not guessed. */
        @WithDefault("30")
        @Min(1)
        int maxRequestsPerMinute();
    }

    interface Staff {
        /** Whether the dashboard's session cookie is marked {@code Secure} (sent over HTTPS only); off in dev and tests. */
        @WithDefault("true")
        boolean secureCookie();

        /**
         * bcrypt cost (2^cost rounds) of new passwords, 4 to 31; a stored hash of another cost is redone at its next
         * sign-in. 12 (a few tenths of a second a check on one core) is four times the library's default, 10.
         */
        @WithDefault("12")
        @Min(4)
        @Max(31)
        int bcryptCost();

        /** Failed sign-ins one client address may make per window, per node; it is then refused until the window ends. */
        @WithDefault("10")
        @Min(1)
        int maxFailedSignInsPerAddress();

        /** The window over which failed sign-ins are counted per client address. */
        @WithDefault("15m")
        Duration signInFailureWindow();
    }

    interface Webhooks {
        /** How often the clustered webhook job looks for due deliveries (and for leases that ran out). */
        @WithDefault("1s")
        Duration interval();

        /** Wait before the first retry of a delivery; it doubles on each further one. */
        @WithDefault("30s")
        Duration retryDelay();

        /** Longest wait between two tries of a delivery. */
        @WithDefault("1h")
        Duration maxRetryDelay();

        /** How long after its event (or a retry by hand) a delivery is retried before it is recorded as failed. */
        @WithDefault("24h")
        Duration giveUpAfter();

        /** How long to wait for a TCP (and TLS) connection to a clinic's endpoint. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** How long a clinic's endpoint has to answer once the request is written (the whole answer, not per byte). */
        @WithDefault("5s")
        Duration responseTimeout();

        /** How many deliveries one node makes at the same time, on threads of their own (never the texts' senders). */
        @WithDefault("8")
        @Min(1)
        int concurrency();

        /** How many deliveries to one endpoint may be under way at once, across the cluster. */
        @WithDefault("2")
        @Min(1)
        int maxInFlightPerEndpoint();

        /** How long a claimed delivery is exclusive to its node; after that it is delivered again (same webhook-id). */
        @WithDefault("1m")
        Duration claimLease();

        /**
         * How long events and their deliveries and attempts are kept once every delivery is over (delivered, failed or
         * cancelled); the retention purge deletes them after that.
         */
        @WithDefault("30d")
        Duration keepDeliveries();

        /** How long a rotated-out secret still signs (a second signature), so receivers can switch without a gap. */
        @WithDefault("24h")
        Duration rotationOverlap();

        /** Most endpoints one clinic may register. */
        @WithDefault("10")
        @Min(1)
        int maxEndpointsPerClinic();

        /** Whether {@code http://} endpoint URLs are accepted (development and tests only). */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Whether endpoints may name or resolve to loopback, private, link-local, unique-local, CGNAT, multicast or cloud
         * metadata addresses (tests only: it lets a clinic's endpoint reach the service's own network).
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();
    }
}
