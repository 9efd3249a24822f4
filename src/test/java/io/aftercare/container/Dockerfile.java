package io.aftercare.container;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * docker/Dockerfile read as Docker reads it: one instruction a line once continuations are joined and comments
 * dropped. Hand-written: the checks need only the instructions and the HEALTHCHECK's words, less than a parser library
 * would bring as a new test dependency.
 */
public record Dockerfile(List<Instruction> instructions) {

    public static final Path PATH = Path.of("docker", "Dockerfile");

    /** The management address the HEALTHCHECK probes inside the container. */
    public static final String CONTAINER_MANAGEMENT = "127.0.0.1:9000";

    public record Instruction(String keyword, String arguments) {}

    public static Dockerfile read() {
        try {
            return parse(Files.readString(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Dockerfile parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String whole = current.toString().strip();
            current.setLength(0);
            if (whole.isEmpty()) {
                continue;
            }
            String[] parts = whole.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1] : ""));
        }
        return new Dockerfile(instructions);
    }

    public List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The HEALTHCHECK's {@code CMD} part, options dropped: a JSON array (exec form) or a shell command. */
    public String healthcheckCommand() {
        List<Instruction> healthchecks = all("HEALTHCHECK");
        if (healthchecks.size() != 1) {
            throw new IllegalStateException("docker/Dockerfile has " + healthchecks.size() + " HEALTHCHECKs");
        }
        String arguments = healthchecks.get(0).arguments();
        int cmd = arguments.indexOf("CMD ");
        if (cmd < 0) {
            throw new IllegalStateException("HEALTHCHECK without CMD: " + arguments);
        }
        return arguments.substring(cmd + "CMD ".length()).strip();
    }

    /**
     * The HEALTHCHECK as a command line for {@code sh -c}, aimed at {@code management} instead of the container's
     * port 9000. The exec form's words are quoted for the shell; the shell form is taken as it is, which is what
     * Docker does with it ({@code /bin/sh -c}).
     */
    public String healthcheckShellCommand(String management) {
        String command = healthcheckCommand();
        String line;
        if (command.startsWith("[")) {
            try {
                String[] words = new ObjectMapper().readValue(command, String[].class);
                line = Arrays.stream(words).map(Dockerfile::quoted).collect(Collectors.joining(" "));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("HEALTHCHECK's exec form is not a JSON array: " + command, e);
            }
        } else {
            line = command;
        }
        if (!line.contains(CONTAINER_MANAGEMENT)) {
            throw new IllegalStateException("the HEALTHCHECK does not probe " + CONTAINER_MANAGEMENT + ": " + command);
        }
        return line.replace(CONTAINER_MANAGEMENT, management);
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
