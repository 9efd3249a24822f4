package io.aftercare.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The committed OpenAPI document is the one the service serves: clients are generated and linted from it. */
@QuarkusTest
class OpenApiSnapshotTest {

    static final Path COMMITTED = Path.of("src/main/openapi/aftercare.yaml");

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void shouldServeTheCommittedDocument() throws IOException {
        String served = given().port(management.getPort())
                .accept("application/yaml")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served);
        }
        assertThat(Files.exists(COMMITTED))
                .as(
                        "%s is missing; write it with ./mvnw test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true",
                        COMMITTED)
                .isTrue();
        // Compared as YAML trees, not text: the serializer is free to order a schema's keywords.
        assertThat((Object) new Yaml().load(served))
                .as(
                        "The API changed but %s did not. If the change is meant, rewrite the file with"
                                + " ./mvnw test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true, review its diff and"
                                + " commit it (the generated client and the CI lint read it)",
                        COMMITTED)
                .isEqualTo(new Yaml().load(Files.readString(COMMITTED)));
    }
}
