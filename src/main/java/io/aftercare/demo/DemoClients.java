package io.aftercare.demo;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** The demo clinic's made-up clients and what they write: fictional numbers (555-01xx), no real person. */
final class DemoClients {

    /** A demo client and their session: ended {@code daysAgo} days back at {@code endedAt}, or {@code minutesAgo}. */
    record Person(
            String clientId,
            String sessionId,
            String firstName,
            String lastName,
            String phone,
            String timeZone,
            int daysAgo,
            LocalTime endedAt,
            Duration minutesAgo) {}

    /** A text a demo client sends the clinic, under a fixed Twilio id so that it is taken once. */
    record Message(String messageSid, String from, String body) {}

    static final String FIRST = "demo-zoe";
    /** The client whose first text the provider reports undelivered. */
    static final String UNREACHABLE = "demo-noah";

    static final String UNREACHABLE_ERROR = "30003: the handset is unreachable (undelivered)";
    /** Twilio's final reports (delivered, undelivered, failed) rank 3: later ones change nothing. */
    static final int FINAL_REPORT_RANK = 3;

    static final List<Person> PEOPLE = List.of(
            new Person(
                    FIRST,
                    "demo-session-zoe-1",
                    "Zoë",
                    "Tremblay",
                    "+16045550142",
                    "America/Vancouver",
                    0,
                    null,
                    Duration.ofMinutes(90)),
            new Person(
                    UNREACHABLE,
                    "demo-session-noah-1",
                    "Noah",
                    "Martin",
                    "+16045550157",
                    "America/Vancouver",
                    0,
                    null,
                    Duration.ofMinutes(45)),
            // Day 4 at 09:00 is today; in Toronto, so the dashboard shows the client's time beside the clinic's.
            new Person(
                    "demo-sam",
                    "demo-session-sam-1",
                    "Sam",
                    "Lee",
                    "+14165550163",
                    "America/Toronto",
                    3,
                    LocalTime.of(14, 0),
                    null),
            // Day 10 at 09:00 is today.
            new Person(
                    "demo-ana",
                    "demo-session-ana-1",
                    "Ana",
                    "Lima",
                    "+16045550188",
                    "America/Vancouver",
                    9,
                    LocalTime.of(16, 30),
                    null));

    static final List<Message> MESSAGES = List.of(
            new Message(
                    "SMdemo00000000000000000000000000001",
                    "+14165550163",
                    "Is it ok to wear a cap tomorrow? It's sunny out."),
            new Message(
                    "SMdemo00000000000000000000000000002",
                    "+16045550142",
                    "My scalp is bleeding a bit where it was treated and it won't stop"));

    private DemoClients() {}
}
