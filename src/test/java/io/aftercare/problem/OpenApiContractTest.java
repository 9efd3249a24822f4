package io.aftercare.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** What the committed OpenAPI document promises every client (the CI lint runs redocly over the same file). */
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static Map<String, Object> document;

    @BeforeAll
    static void read() throws IOException {
        try (Reader yaml = Files.newBufferedReader(OpenApiSnapshotTest.COMMITTED)) {
            document = new Yaml().load(yaml);
        }
    }

    @Test
    void shouldGiveEveryOperationAUniqueCamelCaseId() {
        List<String> ids = new ArrayList<>();
        operations().forEach(operation -> ids.add((String) operation.op().get("operationId")));

        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][a-zA-Z0-9]*"));
    }

    @Test
    void shouldDocumentEveryOperationsSuccessAndTheProblemsAnyRequestCanMeet() {
        operations().forEach(operation -> {
            Map<String, Object> responses = map(operation.op().get("responses"));
            List<String> successes = responses.keySet().stream()
                    .filter(status -> status.startsWith("2"))
                    .toList();
            assertThat(successes).as(operation.name()).isNotEmpty();
            for (String status : successes) {
                Map<String, Object> response = map(responses.get(status));
                if (!status.equals("204")) {
                    assertThat(map(response.get("content")).values())
                            .as("%s %s", operation.name(), status)
                            .isNotEmpty()
                            .allSatisfy(media -> assertThat(map(media)).containsKey("schema"));
                }
            }
            assertThat(responses).as(operation.name()).containsKeys("413", "503");
            if (operation.op().containsKey("requestBody")) {
                assertThat(responses).as(operation.name()).containsKey("415");
            }
            if (String.valueOf(operation.op().get("security")).contains("adminKey")) {
                // The operator's operations: a missing admin key and a clinic's key are answered on each of them.
                assertThat(responses).as(operation.name()).containsKeys("401", "403", "429");
            }
        });
        Map<String, Object> unavailable =
                map(map(map(document.get("components")).get("responses")).get("ServiceUnavailable"));
        assertThat(map(unavailable.get("headers"))).containsKey("Retry-After");
    }

    @Test
    void shouldNameItsServerAndOpenTheTwilioWebhooksToAll() {
        assertThat((List<?>) document.get("servers")).isNotEmpty();
        Map<String, Object> paths = map(document.get("paths"));
        for (String webhook : List.of("/v1/twilio/status", "/v1/twilio/inbound")) {
            Map<String, Object> post = map(map(paths.get(webhook)).get("post"));
            assertThat(post).as(webhook).containsEntry("security", List.of());
        }
    }

    @Test
    void shouldUseOnlyPatternsEveryRegexDialectReads() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(document, patterns);

        assertThat(patterns).isNotEmpty().noneMatch(pattern -> pattern.contains("\\p") || pattern.contains("\\P"));
    }

    private record Operation(String name, Map<String, Object> op) {}

    private static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        map(document.get("paths"))
                .forEach((path, item) -> map(item).forEach((method, op) -> {
                    if (METHODS.contains(method)) {
                        operations.add(new Operation(method.toUpperCase() + " " + path, map(op)));
                    }
                }));
        assertThat(operations).hasSizeGreaterThan(40);
        return operations;
    }

    private static void collectPatterns(Object node, List<String> patterns) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("pattern".equals(key) && value instanceof String pattern) {
                    patterns.add(pattern);
                } else {
                    collectPatterns(value, patterns);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectPatterns(item, patterns));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node == null ? Map.of() : (Map<String, Object>) node;
    }
}
