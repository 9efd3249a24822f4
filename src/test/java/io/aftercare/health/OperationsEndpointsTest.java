package io.aftercare.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void shouldBeReadyWithTheDatabaseAndTheScheduler() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("dispatch-scheduler"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void shouldDescribeTheApiInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/sessions"))
                .body("paths", org.hamcrest.Matchers.hasKey("/v1/clients/{clientId}/reminders"))
                .body("components.schemas", org.hamcrest.Matchers.hasKey("Problem"));
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        given().get("/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(io.aftercare.support.Sessions.CLINIC_KEY).get("/v1/nothing-here").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
