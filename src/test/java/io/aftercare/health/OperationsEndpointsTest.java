package io.aftercare.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import io.aftercare.support.Sessions;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public port carries the API and the webhooks only; health, metrics and the API description have their own. */
@QuarkusTest
class OperationsEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** Health, metrics and the API description: the management interface, not the public port. */
    private RequestSpecification onManagement() {
        return given().port(management.getPort());
    }

    @Test
    void shouldBeReadyWithTheDatabaseAndTheScheduler() {
        onManagement()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("dispatch-scheduler"))
                .body("checks.find { it.name == 'clock-offset-to-database' }.status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        onManagement().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldDescribeTheApiInOpenApiOnTheManagementPort() {
        onManagement()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/v1/sessions"))
                .body("paths", hasKey("/v1/clients/{clientId}/reminders"))
                .body("components.schemas", hasKey("Problem"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/q/health",
                "/q/health/ready",
                "/q/health/live",
                "/q/health/well",
                "/q/metrics",
                "/q/openapi",
                "/q/swagger-ui/"
            })
    void shouldServeNoOperationsEndpointOnThePublicPort(String path) {
        given().get(path).then().statusCode(404);
    }

    @Test
    void shouldServeNoSwaggerUiOutsideDevAndDemo() {
        onManagement().get("/q/swagger-ui/").then().statusCode(404);
    }

    @Test
    void shouldServeMetricsOnTheManagementPort() {
        onManagement()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("\naftercare_clock_offset_seconds "));
    }

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        given().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
