package io.aftercare.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aftercare.container.Dockerfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One node on its own embedded PostgreSQL, as a clinic trying the service runs it, stopped and started again on the
 * same data directory: its clinic, sessions and texts are all still there, the texts that fell due while it was down
 * go out as soon as it is back, and the later ones on time. Killed ({@code kill -9}), it leaves its PostgreSQL running
 * and comes back on the first attempt all the same. No test leaves a PostgreSQL server behind. The image's HEALTHCHECK
 * (docker/Dockerfile), run under dash as the image's /bin/sh would, passes while the node is ready and fails once it is
 * gone.
 */
// First of the ITs that run two at a time (failsafe's configuration in pom.xml): the others share the other thread.
@Order(1)
class RestartIT {

    private static final String PREFIX = "+1506555";
    private static final int PER_GROUP = 10;

    private TwilioApiDouble twilio;
    private ServiceNode node;
    private Path directory;

    @AfterEach
    void tearDown() {
        if (node != null) {
            node.close();
        }
        if (twilio != null) {
            twilio.close();
        }
        if (directory != null) {
            assertThat(PostgresProcesses.under(directory))
                    .as("PostgreSQL servers left running under " + directory)
                    .isEmpty();
        }
    }

    @Test
    void scheduledTextsSurviveARestartAndGoOutOnTime() {
        directory = Cluster.freshDirectory("restart");
        twilio = new TwilioApiDouble();
        node = solo(directory).start();
        node.awaitReady(Duration.ofSeconds(120));
        ClinicClient clinic = new ClinicClient(node);
        clinic.quietHoursOff();

        // The plan's first text comes five minutes after a session: these fall due while the node is down (posting
        // them and stopping takes about 3 s, 9 s on a machine loaded far beyond its cores) ...
        List<String> sessions = new ArrayList<>();
        Instant now = Instant.now();
        for (int n = 0; n < PER_GROUP; n++) {
            sessions.add(post(clinic, n, now.minus(Duration.ofMinutes(5)).plusSeconds(12)));
        }
        // ... and these after it is back: 31 s after the restart, over twice the slowest start seen in a full build
        // (12 s).
        for (int n = PER_GROUP; n < 2 * PER_GROUP; n++) {
            sessions.add(post(clinic, n, now.minus(Duration.ofMinutes(5)).plusSeconds(45)));
        }
        assertThat(node.stop()).as("exit code after SIGTERM").isIn(0, 143);
        Instant downUntil = now.plusSeconds(14);
        // The node stays down until the first group has fallen due: that wait is the scenario.
        ServiceNode.sleep(Duration.between(Instant.now(), downUntil));
        assertThat(twilio.accepted()).as("texts sent before the restart").isEmpty();

        node = solo(directory).start();
        Duration startup = node.awaitReady(Duration.ofSeconds(120));
        awaitAccepted(2 * PER_GROUP, Duration.ofSeconds(90));
        awaitRecordedAsSent(sessions);
        assertThat(twilio.duplicates()).isEmpty();

        Duration overdueWait = Duration.ZERO;
        Duration lateness = Duration.ZERO;
        for (String session : sessions) {
            ClinicClient.Answer answer = new ClinicClient(node).get("/v1/sessions/" + session);
            assertThat(answer.status())
                    .as("session %s after the restart", session)
                    .isEqualTo(200);
            JsonNode first = firstText(answer);
            assertThat(first.path("status").asText()).isEqualTo("SENT");
            Instant due = Instant.parse(first.path("dueAt").asText());
            Instant sent = Instant.parse(first.path("sentAt").asText());
            if (due.isBefore(node.started())) {
                overdueWait = max(overdueWait, Duration.between(node.started(), sent));
            } else {
                lateness = max(lateness, Duration.between(due, sent));
            }
        }
        assertThat(overdueWait).as("overdue texts, from the restart to sent").isLessThan(startup.plusSeconds(5));
        assertThat(lateness).as("later texts, from due to sent").isLessThan(Duration.ofSeconds(2));
        ReliabilityReport.record(
                "restart on the same data directory",
                ("%d sessions and their texts kept; %d texts due"
                                + " while it was down sent %.1f s after the new process started (ready after %.1f s), %d later ones at"
                                + " most %d ms after due; duplicates %d, lost %d")
                        .formatted(
                                sessions.size(),
                                PER_GROUP,
                                overdueWait.toMillis() / 1000.0,
                                startup.toMillis() / 1000.0,
                                PER_GROUP,
                                lateness.toMillis(),
                                twilio.duplicates().size(),
                                2 * PER_GROUP - twilio.accepted().size()));
    }

    @Test
    void comesBackOnTheFirstAttemptAfterAKillLeftItsDatabaseRunning() {
        directory = Cluster.freshDirectory("restart-after-kill");
        twilio = new TwilioApiDouble();
        node = solo(directory).start();
        node.awaitReady(Duration.ofSeconds(120));
        // Its first text is due in five minutes, long after the test.
        String session = post(new ClinicClient(node), 0, Instant.now());
        String before = new ClinicClient(node).get("/v1/sessions/" + session).body();
        String management = "127.0.0.1:" + URI.create(node.managementUrl()).getPort();
        String healthcheck = Dockerfile.read().healthcheckShellCommand(management);
        assertThat(underDash(healthcheck))
                .as("the image's HEALTHCHECK under dash, node ready")
                .isZero();
        assertThat(underDash(healthcheck.replace("/q/health/ready", "/q/health/absent")))
                .as("the HEALTHCHECK on an answer that is not 2xx")
                .isNotZero();
        // The check the image had before: dash has no /dev/tcp, so it never passed.
        assertThat(underDash("exec 3<>/dev/tcp/" + management.replace(':', '/')))
                .as("/dev/tcp under dash")
                .isNotZero();

        node.kill();
        assertThat(underDash(healthcheck))
                .as("the HEALTHCHECK once the node is gone")
                .isNotZero();
        assertThat(PostgresProcesses.under(directory))
                .as("the node's PostgreSQL, still running after kill -9")
                .hasSize(1);

        node = solo(directory).start();
        // Throws if the process exits before it is ready: the first attempt must be the one that comes up.
        Duration startup = node.awaitReady(Duration.ofSeconds(120));

        ClinicClient.Answer after = new ClinicClient(node).get("/v1/sessions/" + session);
        assertThat(after.status()).isEqualTo(200);
        assertThat(json(after.body()))
                .as("the session and its texts after the restart")
                .isEqualTo(json(before));
        assertThat(PostgresProcesses.under(directory))
                .as("servers on the node's data directory")
                .hasSize(1);
        ReliabilityReport.record(
                "restart after kill -9 on the embedded database",
                ("the killed node's PostgreSQL"
                                + " still ran; the new process stopped it and was ready %.1f s after it started, on its first attempt,"
                                + " with the session and its texts intact")
                        .formatted(startup.toMillis() / 1000.0));
    }

    /**
     * The exit code of a command run as the image's /bin/sh (Ubuntu's dash) runs it. Fails, never skips, without dash
     * or curl (the HEALTHCHECK's command).
     */
    private static int underDash(String command) {
        for (String tool : List.of("dash", "curl")) {
            assertThat(Stream.of("/usr/bin/" + tool, "/bin/" + tool)
                            .anyMatch(file -> Files.isExecutable(Path.of(file))))
                    .as(tool + " is missing: apt-get install -y " + tool)
                    .isTrue();
        }
        try {
            Process process = new ProcessBuilder("dash", "-c", command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertThat(process.waitFor(10, TimeUnit.SECONDS))
                    .as("dash -c " + command + " ended")
                    .isTrue();
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ServiceNode.Builder solo(Path directory) {
        return ServiceNode.named("solo", directory)
                .twilio(twilio.listenerFor("solo"))
                .plan(Path.of("src", "test", "resources", "plans", "cluster-plan.json"))
                .set("AFTERCARE_DISPATCH_INTERVAL", "0.5s");
    }

    private static String post(ClinicClient clinic, int n, Instant endedAt) {
        String phone = PREFIX + "%04d".formatted(n);
        ClinicClient.Answer answer = clinic.postSession("restart-" + phone, phone, endedAt);
        assertThat(answer.status()).as("post for %s: %s", phone, answer).isEqualTo(201);
        return json(answer.body()).path("id").asText();
    }

    private void awaitAccepted(int count, Duration timeout) {
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(twilio.accepted())
                        .as("texts sent within " + timeout)
                        .hasSizeGreaterThanOrEqualTo(count));
        assertThat(twilio.accepted()).as("texts sent within " + timeout).hasSize(count);
    }

    /** Twilio took the texts; the node records each as sent just after. */
    private void awaitRecordedAsSent(List<String> sessions) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> sessions.stream()
                        .map(session -> firstText(new ClinicClient(node).get("/v1/sessions/" + session)))
                        .allMatch(text -> text.path("status").asText().equals("SENT")));
    }

    /** The plan's first text of a session, as the clinic reads it. */
    private static JsonNode firstText(ClinicClient.Answer session) {
        return StreamSupport.stream(json(session.body()).path("reminders").spliterator(), false)
                .filter(reminder -> reminder.path("step").asText().equals("soon"))
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
