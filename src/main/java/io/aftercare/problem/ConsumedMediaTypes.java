package io.aftercare.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media types an endpoint reads, for a 415 that tells the caller what to send instead. The router refuses a body
 * of the wrong type before it names the method it matched ({@code ResourceInfo} is then empty), so the endpoints that
 * read something other than JSON are listed once from the resource classes and matched by method and path.
 */
// Hand-written: Quarkus REST exposes no lookup from a request to its candidate methods before one is chosen.
@ApplicationScoped
class ConsumedMediaTypes {

    private static final List<String> JSON = List.of(MediaType.APPLICATION_JSON);
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private final List<Route> routes;

    @Inject
    ConsumedMediaTypes(BeanManager beans) {
        this(beans.getBeans(Object.class, Any.Literal.INSTANCE).stream()
                .<Class<?>>map(Bean::getBeanClass)
                .toList());
    }

    ConsumedMediaTypes(List<Class<?>> resources) {
        this.routes = new ArrayList<>();
        for (Class<?> resource : resources) {
            Path root = resource.getAnnotation(Path.class);
            if (root != null) {
                addRoutes(resource, root.value());
            }
        }
    }

    /** What the method the request reached reads, else what the endpoint at its method and path reads, else JSON. */
    List<String> of(ResourceInfo resource, String httpMethod, String path) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method != null) {
            return consumes(method).orElse(JSON);
        }
        return routes.stream()
                .filter(route -> route.httpMethod().equals(httpMethod)
                        && route.path().matcher(path).matches())
                .findFirst()
                .map(Route::consumes)
                .orElse(JSON);
    }

    private void addRoutes(Class<?> resource, String root) {
        for (Method method : resource.getDeclaredMethods()) {
            Optional<String> httpMethod = httpMethod(method);
            Optional<List<String>> consumes = consumes(method);
            if (httpMethod.isPresent()
                    && consumes.isPresent()
                    && !consumes.get().equals(JSON)) {
                Path sub = method.getAnnotation(Path.class);
                String template = sub == null ? root : root + "/" + sub.value();
                routes.add(new Route(httpMethod.get(), regex(template), consumes.get()));
            }
        }
    }

    private static Optional<List<String>> consumes(Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        return Optional.ofNullable(consumes).map(found -> Arrays.asList(found.value()));
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }

    /** A path template as a regex: literal parts quoted, each {@code {name}} one segment, {@code {name: re}} re. */
    static Pattern regex(String template) {
        String normalised = ("/" + template).replaceAll("/+", "/").replaceAll("(.)/$", "$1");
        StringBuilder regex = new StringBuilder();
        Matcher parameter = TEMPLATE.matcher(normalised);
        int end = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(normalised.substring(end, parameter.start())));
            regex.append("(?:")
                    .append(
                            parameter.group(1) == null
                                    ? "[^/]+"
                                    : parameter.group(1).strip())
                    .append(')');
            end = parameter.end();
        }
        regex.append(Pattern.quote(normalised.substring(end))).append("/?");
        return Pattern.compile(regex.toString());
    }

    private record Route(String httpMethod, Pattern path, List<String> consumes) {}
}
