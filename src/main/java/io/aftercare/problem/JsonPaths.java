package io.aftercare.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.Path;
import java.time.temporal.Temporal;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Names a field the way a client wrote it: {@code client.phone}, {@code reminders[2].body}. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.toString();
    }

    /** Drops the method and parameter names Bean Validation puts in front of a body field's path. */
    public static String of(Path path) {
        return StreamSupport.stream(path.spliterator(), false)
                .filter(node -> switch (node.getKind()) {
                    case METHOD, PARAMETER, CROSS_PARAMETER, RETURN_VALUE -> false;
                    default -> true;
                })
                .map(Path.Node::toString)
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    /** Why the field named by {@link #of(JsonMappingException)} was refused, in words that follow its name. */
    public static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException format) {
            return "cannot be read as " + typeName(format.getTargetType());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + typeName(mismatch.getTargetType());
        }
        return "has the wrong type";
    }

    static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 timestamp with offset";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
