package io.aftercare.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every problem body states the status of the response that carries it. */
class ProblemStatusTest {

    private final ProblemMappers mappers = new ProblemMappers(new ConsumedMediaTypes(List.of(FormEndpoints.class)));

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 418, 422, 429, 500, 501, 503, 599})
    void shouldStateTheResponseStatusInTheBody(int status) {
        Response response = mappers.webApplication(new WebApplicationException(status), uri(), resource(null), post());

        Problem body = (Problem) response.getEntity();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(body.status()).isEqualTo(status);
        assertThat(body.title()).isNotBlank();
        assertThat(body.instance()).isEqualTo("/v1/somewhere");
    }

    @Test
    void shouldNameEveryProblemTypeWithItsOwnStatus() {
        for (ProblemType type : ProblemType.values()) {
            assertThat(Problem.of(type, "x").status()).isEqualTo(type.status());
            if (type != ProblemType.MALFORMED_BODY) {
                assertThat(ProblemType.forStatus(type.status())).contains(type);
            }
        }
        assertThat(ProblemType.forStatus(418)).isEmpty();
    }

    @Test
    void shouldNameTheMediaTypeTheEndpointReadsIn415() throws NoSuchMethodException {
        Response form = mappers.webApplication(
                new WebApplicationException(415), uri(), resource(Endpoints.class.getDeclaredMethod("form")), post());
        Response json = mappers.webApplication(
                new WebApplicationException(415), uri(), resource(Endpoints.class.getDeclaredMethod("json")), post());

        assertThat(((Problem) form.getEntity()).detail()).isEqualTo("Send application/x-www-form-urlencoded");
        assertThat(((Problem) json.getEntity()).detail()).isEqualTo("Send application/json");
    }

    @Test
    void shouldFindTheEndpointByMethodAndPathWhenTheRouterNamedNone() {
        Response unmatched = mappers.webApplication(new WebApplicationException(415), uri(), resource(null), post());
        Response otherMethod = mappers.webApplication(new WebApplicationException(415), uri(), resource(null), put());

        assertThat(((Problem) unmatched.getEntity()).detail()).isEqualTo("Send application/x-www-form-urlencoded");
        assertThat(((Problem) otherMethod.getEntity()).detail()).isEqualTo("Send application/json");
    }

    @Test
    void shouldMatchPathTemplatesAsTheRouterDoes() {
        assertThat(ConsumedMediaTypes.regex("/v1/clients/{clientId}/messages")
                        .matcher("/v1/clients/c-1/messages")
                        .matches())
                .isTrue();
        assertThat(ConsumedMediaTypes.regex("/v1/clients/{clientId}/messages")
                        .matcher("/v1/clients/a/b/messages")
                        .matches())
                .isFalse();
        assertThat(ConsumedMediaTypes.regex("/a/{token}/{rest: .+}")
                        .matcher("/a/t/x/y")
                        .matches())
                .isTrue();
    }

    // Quarkus REST serves every @Path class it finds in the test's application too: keep this one out of its document.
    @Path("/v1")
    static class FormEndpoints {
        @POST
        @Path("somewhere")
        @Operation(hidden = true)
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        void form() {}
    }

    static class Endpoints {
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        void form() {}

        void json() {}
    }

    private static ResourceInfo resource(Method method) {
        return new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return method == null ? null : method.getDeclaringClass();
            }
        };
    }

    private static Request post() {
        return request("POST");
    }

    private static Request put() {
        return request("PUT");
    }

    private static Request request(String method) {
        return (Request) Proxy.newProxyInstance(
                Request.class.getClassLoader(), new Class<?>[] {Request.class}, (proxy, called, args) -> {
                    if (called.getName().equals("getMethod")) {
                        return method;
                    }
                    throw new UnsupportedOperationException(called.getName());
                });
    }

    private static UriInfo uri() {
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getPath")) {
                        return "/v1/somewhere";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
