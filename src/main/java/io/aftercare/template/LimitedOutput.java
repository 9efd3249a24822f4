package io.aftercare.template;

import java.util.function.Consumer;

/** Collects a rendering's output and stops the rendering once it would pass its limit. */
final class LimitedOutput implements Consumer<String> {

    private final int limit;
    private final StringBuilder text = new StringBuilder();

    LimitedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public void accept(String part) {
        if (text.length() + part.length() > limit) {
            throw new ClinicTextRefused("renders to more than " + limit + " characters");
        }
        text.append(part);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
