package io.aftercare.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: printed as a Markdown table (the README's) and written as JSON. */
final class Results {

    /** @param met whether the figure reaches its target; null when it has none */
    record Figure(String scenario, String metric, double value, String unit, String target, Boolean met) {}

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, String> machine = new LinkedHashMap<>();

    void machine(String key, String value) {
        machine.put(key, value);
    }

    void add(String scenario, String metric, double value, String unit) {
        figures.add(new Figure(scenario, metric, value, unit, "", null));
    }

    void add(String scenario, String metric, double value, String unit, String target, boolean met) {
        figures.add(new Figure(scenario, metric, value, unit, target, met));
    }

    String table() {
        StringBuilder table =
                new StringBuilder("| scenario | metric | value | target | met |\n| --- | --- | --- | --- | --- |\n");
        for (Figure figure : figures) {
            table.append("| %s | %s | %s %s | %s | %s |%n"
                    .formatted(
                            figure.scenario(),
                            figure.metric(),
                            format(figure.value()),
                            figure.unit(),
                            figure.target(),
                            figure.met() == null ? "" : figure.met() ? "yes" : "**no**"));
        }
        return table.toString();
    }

    void write(Path json) throws IOException {
        Files.createDirectories(json.getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(json.toFile(), Map.of("machine", machine, "figures", figures));
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", (long) value);
        }
        return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }
}
