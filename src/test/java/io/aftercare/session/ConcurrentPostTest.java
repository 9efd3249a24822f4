package io.aftercare.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import io.aftercare.support.Sessions;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Posts that race each other to store the same session, or the same new client: the one that loses on a unique key
 * is retried once, sees what the winner stored, and answers as if it had come second.
 */
@QuarkusTest
class ConcurrentPostTest {

    private static final int POSTS = 6;

    @Test
    void shouldAnswerEveryConcurrentPostOfOneSessionWithThatSession() throws Exception {
        Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(1));

        List<Response> answers = atOnce(post -> post(session));

        String id = answers.get(0).path("id");
        assertThat(answers)
                .extracting(Response::statusCode)
                .containsOnly(201, 200)
                .containsOnlyOnce(201);
        assertThat(answers).extracting(answer -> answer.<String>path("id")).containsOnly(id);
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/sessions/" + id)
                .then()
                .statusCode(200)
                .body("reminders", hasSize(4));
    }

    @Test
    void shouldStoreEveryConcurrentSessionOfANewClient() throws Exception {
        String clientId =
                (String) Sessions.client(Sessions.post(OffsetDateTime.now())).get("id");

        List<Response> answers = atOnce(post -> {
            Map<String, Object> session = Sessions.post(OffsetDateTime.now().minusMinutes(1 + post));
            Sessions.client(session).put("id", clientId);
            return post(session);
        });

        assertThat(answers).extracting(Response::statusCode).containsOnly(201);
        assertThat(answers).extracting(answer -> answer.<String>path("id")).doesNotHaveDuplicates();
        given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .get("/v1/clients/" + clientId + "/reminders")
                .then()
                .statusCode(200)
                .body("reminders", hasSize(POSTS * 4));
    }

    private static Response post(Map<String, Object> session) {
        return given().auth()
                .oauth2(Sessions.CLINIC_KEY)
                .contentType(ContentType.JSON)
                .body(session)
                .post("/v1/sessions")
                .andReturn();
    }

    /** Sends the posts from as many threads, released together so that their transactions overlap. */
    private static List<Response> atOnce(IntFunction<Response> post) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(POSTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < POSTS; i++) {
                int index = i;
                Callable<Response> call = () -> {
                    start.await();
                    return post.apply(index);
                };
                answers.add(threads.submit(call));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
