package io.aftercare.clinic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * Reads a setting that is on or off from JSON {@code true} or {@code false} only (or null). Jackson's own reading of a
 * Boolean coerces {@code 1}, {@code "false"} and {@code ""}, so a clinic's mistyped value would silently become a
 * setting; this one is refused instead, naming the field.
 */
class StrictBoolean extends StdScalarDeserializer<Boolean> {

    StrictBoolean() {
        super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
        };
    }
}
