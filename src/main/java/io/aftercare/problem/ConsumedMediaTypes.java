package io.aftercare.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/** The media types the endpoint a request reached reads, for a 415 that tells the caller what to send instead. */
final class ConsumedMediaTypes {

    private static final List<String> JSON = List.of(MediaType.APPLICATION_JSON);

    private ConsumedMediaTypes() {}

    /** The method's {@code @Consumes}, else its class's, else JSON (what every endpoint without one reads). */
    static List<String> of(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return JSON;
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes == null ? JSON : Arrays.asList(consumes.value());
    }
}
