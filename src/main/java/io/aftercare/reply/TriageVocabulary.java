package io.aftercare.reply;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Triage's words, per language, from {@value #BUILT_IN} beside the plan: data, not code. */
final class TriageVocabulary {

    static final String BUILT_IN = "plans/triage-terms.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Language(List<String> urgent, List<String> question) {}

    record File(String about, Map<String, Language> languages) {}

    private TriageVocabulary() {}

    /** Every language's terms at once: a client may write in another language than their texts'. */
    static Triage builtIn() {
        try (InputStream json = TriageVocabulary.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (json == null) {
                throw new IllegalStateException("The triage vocabulary " + BUILT_IN + " is missing from the classpath");
            }
            return read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Triage read(InputStream json) throws IOException {
        File file = JSON.readValue(json, File.class);
        if (file.languages() == null || file.languages().isEmpty()) {
            throw new IllegalStateException("The triage vocabulary " + BUILT_IN + " names no language");
        }
        List<TriageTerm> urgent = file.languages().values().stream()
                .flatMap(language -> language.urgent().stream())
                .map(TriageTerm::of)
                .toList();
        List<TriageTerm> questions = file.languages().values().stream()
                .flatMap(language -> language.question().stream())
                .map(TriageTerm::of)
                .toList();
        return new Triage(urgent, questions);
    }
}
