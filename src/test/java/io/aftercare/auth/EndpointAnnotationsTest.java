package io.aftercare.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.AftercareMain;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every endpoint of the application says who may call it; none is open by omission. */
class EndpointAnnotationsTest {

    private static final List<Class<? extends Annotation>> ACCESS =
            List.of(RolesAllowed.class, PermitAll.class, DenyAll.class);

    @Test
    void shouldNameWhoMayCallEveryEndpoint() throws Exception {
        List<Class<?>> resources = applicationClasses()
                .filter(type -> type.isAnnotationPresent(Path.class))
                .toList();
        List<Method> endpoints = resources.stream()
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(EndpointAnnotationsTest::isEndpoint)
                .toList();

        assertThat(resources).as("the application's resources").hasSizeGreaterThanOrEqualTo(7);
        assertThat(endpoints)
                .allSatisfy(
                        endpoint -> assertThat(hasAccessRule(endpoint) || hasAccessRule(endpoint.getDeclaringClass()))
                                .as("%s names a role or @PermitAll", endpoint)
                                .isTrue());
    }

    private static boolean isEndpoint(Method method) {
        return method.isAnnotationPresent(Path.class)
                || Arrays.stream(method.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static boolean hasAccessRule(AnnotatedElement element) {
        return ACCESS.stream().anyMatch(element::isAnnotationPresent);
    }

    /** The classes under src/main, read from the directory (or jar) AftercareMain was loaded from. */
    private static Stream<Class<?>> applicationClasses() throws Exception {
        java.nio.file.Path root = java.nio.file.Path.of(AftercareMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            return files
                    .filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file)
                            .toString()
                            .replace(root.getFileSystem().getSeparator(), "."))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(name -> name.startsWith("io.aftercare."))
                    .map(EndpointAnnotationsTest::load)
                    .toList()
                    .stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, EndpointAnnotationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
