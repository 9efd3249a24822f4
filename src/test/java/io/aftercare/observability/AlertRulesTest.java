package io.aftercare.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus files under {@code docker/monitoring} as Prometheus itself reads them: {@code promtool} (Debian's
 * {@code prometheus} package) checks the configuration and the rules and runs the rules' unit tests. Fails, never
 * skips, where promtool is missing.
 */
class AlertRulesTest {

    private static final Path MONITORING = Path.of("docker", "monitoring");
    private static final Pattern SERIES = Pattern.compile("\\baftercare_[a-z_]+");

    @Test
    void shouldBeAValidConfigurationWithValidRules() {
        assertThat(promtool("check", "config", "prometheus.yml")).contains("SUCCESS: 5 rules found");
    }

    @Test
    void shouldFireEachAlertWhenItsConditionHoldsAndOnlyThen() {
        assertThat(promtool("test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }

    @Test
    void shouldQueryOnlyMetricsTheServiceExposes() throws IOException {
        try (Stream<Path> files = Files.walk(MONITORING)) {
            List<Path> queried = files.filter(file ->
                            file.toString().endsWith(".yml") || file.toString().endsWith(".json"))
                    .toList();
            assertThat(queried).hasSizeGreaterThanOrEqualTo(3);
            for (Path file : queried) {
                Matcher series = SERIES.matcher(Files.readString(file));
                while (series.find()) {
                    assertThat(MetricsNamesTest.FAMILIES)
                            .as("%s queries %s", file, series.group())
                            .contains(series.group());
                }
            }
        }
    }

    private static String promtool(String... arguments) {
        Path promtool = Stream.of(System.getenv("PATH").split(":"))
                .map(directory -> Path.of(directory, "promtool"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "promtool is missing: install Debian's prometheus package (apt-get install prometheus)"));
        try {
            Process process = new ProcessBuilder(Stream.concat(Stream.of(promtool.toString()), Stream.of(arguments))
                            .toList())
                    .directory(MONITORING.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        } catch (IOException e) {
            throw new AssertionError("promtool could not be run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while promtool ran", e);
        }
    }
}
