package io.aftercare.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.aftercare.config.AftercareConfig;
import io.smallrye.config.SmallRyeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The container files as an operator gets them: docker/Dockerfile, docker/compose.yaml and .env.example. No Docker
 * engine is needed; CI also validates the compose file with docker-compose.
 */
class ContainerFilesTest {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:-|:\\?)([^}]*))?}");

    @Test
    void shouldHaveOneDockerfileWithOneRuntimeStage() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("docker"))) {
            assertThat(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.startsWith("Dockerfile") && !name.endsWith(".dockerignore")))
                    .as("Dockerfiles under docker/")
                    .containsExactly("Dockerfile");
        }
        Dockerfile dockerfile = Dockerfile.read();
        List<String> stages = dockerfile.all("FROM").stream()
                .map(Dockerfile.Instruction::arguments)
                .toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).endsWith(" AS build");
        for (String once : List.of("USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT")) {
            assertThat(dockerfile.all(once)).as(once).hasSize(1);
        }
    }

    @Test
    void shouldKeepTheDataDirectoryInAVolumeAndSizeTheJvmToTheContainer() {
        Dockerfile dockerfile = Dockerfile.read();

        assertThat(dockerfile.all("VOLUME"))
                .extracting(Dockerfile.Instruction::arguments)
                .containsExactly("/app/data");
        String environment = dockerfile.all("ENV").get(0).arguments();
        assertThat(environment)
                .contains("AFTERCARE_DATA_DIR=/app/data", "-XX:MaxRAMPercentage=", "-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void shouldCheckHealthWithWhatTheBaseImageHasAndNoBashism() throws IOException {
        Dockerfile dockerfile = Dockerfile.read();
        String instructions = dockerfile.instructions().toString();

        assertThat(instructions).doesNotContain("/dev/tcp").doesNotContain("bash");
        assertThat(dockerfile.healthcheckCommand()).contains("/q/health/ready");
        // curl is in Adoptium's Ubuntu images (adoptium/containers, 17/jre/ubuntu/noble), whose /bin/sh is dash.
        if (dockerfile.healthcheckShellCommand("127.0.0.1:9000").startsWith("'curl'")) {
            assertThat(dockerfile.all("FROM").get(1).arguments()).isEqualTo("eclipse-temurin:17-jre-noble");
        }
    }

    @Test
    void shouldPublishOnlyTheProxySoTheReplicasScale() {
        Map<String, Map<String, Object>> services = services();
        Map<String, Object> aftercare = services.get("aftercare");

        assertThat(aftercare).doesNotContainKey("ports").containsKey("expose");
        // Prometheus and Grafana (profile monitoring) publish on the host's loopback only.
        assertThat(services.entrySet().stream()
                        .filter(service -> service.getValue().containsKey("ports"))
                        .filter(service -> !((List<?>) service.getValue().get("ports"))
                                .stream().allMatch(port -> String.valueOf(port).startsWith("127.0.0.1:")))
                        .map(Map.Entry::getKey))
                .containsExactly("proxy");
        assertThat(Files.exists(Path.of("docker", "Caddyfile"))).isTrue();
    }

    @Test
    void shouldRestartAndLimitTheMemoryOfEveryReplica() {
        Map<String, Map<String, Object>> services = services();

        for (String name : services.keySet()) {
            assertThat(services.get(name).get("restart")).as(name).isEqualTo("unless-stopped");
        }
        Object memory = path(services.get("aftercare"), "deploy", "resources", "limits", "memory");
        assertThat(memory).isEqualTo("${AFTERCARE_MEMORY:-768m}");
    }

    @Test
    void shouldLeaveTheSenderToTheServicesRule() {
        assertThat(aftercareEnvironment()).containsEntry("AFTERCARE_SMS_SENDER", "${AFTERCARE_SMS_SENDER:-}");

        Map<String, String> dotEnv = new HashMap<>(envExample());
        dotEnv.put("AFTERCARE_TWILIO_ACCOUNT_SID", "AC0123");
        AftercareConfig config = EmptyEnvironmentValueTest.environmentConfig(resolvedEnvironment(dotEnv))
                .getConfigMapping(AftercareConfig.class);

        // With an account SID and no sender, SmsGatewayProducer picks twilio.
        assertThat(config.sms().sender()).isEmpty();
        assertThat(config.twilio().accountSid()).contains("AC0123");
    }

    @Test
    void shouldPassEveryDeploymentSetting() throws IOException {
        Set<String> passed = aftercareEnvironment().keySet();

        assertThat(passed).containsAll(readmeConfigurationKeys());
        Set<String> composeText = new TreeSet<>();
        Matcher matcher = INTERPOLATION.matcher(Files.readString(Path.of("docker", "compose.yaml")));
        while (matcher.find()) {
            composeText.add(matcher.group(1));
        }
        for (String key : envExample().keySet()) {
            if (!key.equals("COMPOSE_PROJECT_NAME")) {
                assertThat(composeText)
                        .as(".env.example's keys used by compose")
                        .contains(key);
            }
        }
        assertThat(passed)
                .contains(
                        "AFTERCARE_TWILIO_WEBHOOK_BASE_URL",
                        "AFTERCARE_SMS_MAX_PER_SECOND",
                        "AFTERCARE_PUBLIC_BASE_URL",
                        "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
    }

    @Test
    void shouldGiveASettingWithADefaultTheServicesOwnAndLeaveTheOthersEmpty() {
        Map<String, String> defaults = serviceDefaultsByVariable();
        Map<String, String> environment = aftercareEnvironment();

        for (Map.Entry<String, String> entry : environment.entrySet()) {
            Matcher matcher = INTERPOLATION.matcher(entry.getValue());
            if (!entry.getKey().startsWith("AFTERCARE_") || !matcher.matches()) {
                continue;
            }
            String composeDefault = matcher.group(3) == null ? "" : matcher.group(3);
            // An empty value is unset: fine for a key without a default, fatal for one with it.
            assertThat(composeDefault)
                    .as("compose's default for " + entry.getKey())
                    .isEqualTo(defaults.getOrDefault(entry.getKey(), ""));
        }
        assertThatCode(() -> EmptyEnvironmentValueTest.environmentConfig(resolvedEnvironment(Map.of()))
                        .getConfigMapping(AftercareConfig.class))
                .as("the service's configuration from compose with an empty .env")
                .doesNotThrowAnyException();
    }

    @Test
    void shouldHoldNoSecretInEnvExampleButSayHowToMakeOne() throws IOException {
        Map<String, String> dotEnv = envExample();

        dotEnv.forEach((key, value) -> {
            if (key.matches(".*(KEY|TOKEN|SECRET|PASSWORD)$")) {
                assertThat(value).as(key).isEmpty();
            }
        });
        assertThat(dotEnv.get("AFTERCARE_SMS_SENDER"))
                .as("AFTERCARE_SMS_SENDER")
                .isNullOrEmpty();
        assertThat(Files.readString(Path.of(".env.example"))).contains("openssl rand -hex 32");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker", "compose.yaml")));
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            assertThat(current).as(String.join(".", keys)).isInstanceOf(Map.class);
            current = ((Map<String, Object>) current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> aftercareEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        ((Map<String, Object>) services().get("aftercare").get("environment"))
                .forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    /** The aftercare service's environment as compose hands it over, from these .env values. */
    private static Map<String, String> resolvedEnvironment(Map<String, String> dotEnv) {
        Map<String, String> resolved = new HashMap<>();
        aftercareEnvironment().forEach((key, value) -> {
            Matcher matcher = INTERPOLATION.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String given = dotEnv.getOrDefault(matcher.group(1), "");
                String fallback = ":-".equals(matcher.group(2)) && given.isEmpty() ? matcher.group(3) : given;
                matcher.appendReplacement(out, Matcher.quoteReplacement(fallback));
            }
            matcher.appendTail(out);
            resolved.put(key, out.toString());
        });
        return resolved;
    }

    /** Each key of the service's typed configuration that has a default, by its environment variable. */
    private static Map<String, String> serviceDefaultsByVariable() {
        SmallRyeConfig config = EmptyEnvironmentValueTest.environmentConfig(Map.of());
        Map<String, String> defaults = new HashMap<>();
        for (String property : config.getPropertyNames()) {
            if (property.startsWith("aftercare.")) {
                String variable = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
                defaults.put(variable, config.getRawValue(property));
            }
        }
        assertThat(defaults)
                .as("defaults read from AftercareConfig")
                .containsEntry("AFTERCARE_SMS_MAX_PER_SECOND", "1");
        return defaults;
    }

    private static Map<String, String> envExample() {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(Path.of(".env.example"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int equals = line.indexOf('=');
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The README's configuration table ("A deployment sets these") as environment variables: {@code
     * aftercare.bootstrap.clinic-name}, {@code .api-key} gives both keys.
     */
    private static Set<String> readmeConfigurationKeys() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        Set<String> keys = new TreeSet<>();
        Pattern code = Pattern.compile("`([^`]+)`");
        for (String row : section.split("\n")) {
            if (!row.startsWith("| `")) {
                continue;
            }
            String firstCell = row.substring(1, row.indexOf('|', 1));
            String parent = null;
            Matcher matcher = code.matcher(firstCell);
            while (matcher.find()) {
                String token = matcher.group(1);
                String property;
                if (token.startsWith(".") && parent != null) {
                    property = parent + token;
                } else if (token.matches("[a-z][a-z.-]*")) {
                    property = token;
                    parent = token.substring(0, token.lastIndexOf('.'));
                } else if (token.matches("[A-Z][A-Z0-9_]*")) {
                    keys.add(token);
                    continue;
                } else {
                    continue;
                }
                keys.add(property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
            }
        }
        assertThat(keys)
                .as("keys read from the README")
                .contains("AFTERCARE_BOOTSTRAP_API_KEY", "AFTERCARE_TWILIO_FROM");
        return keys;
    }
}
