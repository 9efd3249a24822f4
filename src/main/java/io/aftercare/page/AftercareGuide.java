package io.aftercare.page;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client's page says, per language ({@code plans/aftercare-guide.json}): the phases of healing, each over a span
 * of the client's days, and what is normal, what is not, itching, the long term and the touch-up.
 */
record AftercareGuide(String about, Map<String, Language> languages) {

    static final String RESOURCE = "plans/aftercare-guide.json";

    AftercareGuide {
        languages = Map.copyOf(languages);
    }

    /** The guide in {@code language}, or in {@code fallback} when it has none in that language. */
    Optional<Language> in(String language, String fallback) {
        return Optional.ofNullable(languages.get(language)).or(() -> Optional.ofNullable(languages.get(fallback)));
    }

    record Language(
            List<Phase> phases,
            Section normal,
            NotNormal notNormal,
            Section itching,
            Section longTerm,
            TouchUp touchUp) {

        /** The phase that advises on a plan step, e.g. the phase of days 4 to 9 for {@code day-4}. */
        Optional<Phase> phaseOf(String step) {
            return phases.stream().filter(phase -> phase.steps().contains(step)).findFirst();
        }
    }

    /**
     * @param fromDay the client's first day of the phase, day 1 being the local date the session ended
     * @param toDay its last day; null for the last phase, which goes on
     * @param steps the plan steps whose texts fall in the phase
     */
    record Phase(
            String key,
            int fromDay,
            Integer toDay,
            String title,
            String summary,
            @JsonProperty("do") List<String> toDo,
            List<String> avoid,
            List<String> steps) {

        boolean covers(long day) {
            return day >= fromDay && (toDay == null || day <= toDay);
        }
    }

    record Section(String title, List<String> items) {}

    record NotNormal(String title, List<String> items, String whatToDo) {}

    record TouchUp(String title, String text) {}

    /** Reads and checks a guide; a guide with a gap, an overlap or a missing part is refused with the reason. */
    static AftercareGuide read(InputStream json) throws IOException {
        AftercareGuide guide = new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                .readValue(json, AftercareGuide.class);
        check(guide.languages() != null && !guide.languages().isEmpty(), "it has no language");
        guide.languages().forEach(AftercareGuide::check);
        return guide;
    }

    private static void check(String language, Language guide) {
        String where = "language '" + language + "'";
        check(
                guide.normal() != null
                        && guide.notNormal() != null
                        && guide.itching() != null
                        && guide.longTerm() != null
                        && guide.touchUp() != null,
                where + " lacks one of normal, notNormal, itching, longTerm, touchUp");
        check(guide.phases() != null && !guide.phases().isEmpty(), where + " has no phase");
        int nextDay = 1;
        for (int i = 0; i < guide.phases().size(); i++) {
            Phase phase = guide.phases().get(i);
            boolean last = i == guide.phases().size() - 1;
            String at = where + ", phase " + phase.key();
            check(phase.fromDay() == nextDay, at + " starts on day " + phase.fromDay() + ", not " + nextDay);
            check(
                    last ? phase.toDay() == null : phase.toDay() != null && phase.toDay() >= phase.fromDay(),
                    at + (last ? " is the last one and must go on (toDay null)" : " must end on or after its start"));
            check(
                    Objects.nonNull(phase.title())
                            && Objects.nonNull(phase.summary())
                            && Objects.nonNull(phase.toDo())
                            && Objects.nonNull(phase.avoid())
                            && Objects.nonNull(phase.steps()),
                    at + " lacks one of title, summary, do, avoid, steps");
            nextDay = last ? nextDay : phase.toDay() + 1;
        }
    }

    private static void check(boolean holds, String problem) {
        if (!holds) {
            throw new IllegalStateException("The aftercare guide " + RESOURCE + " is not usable: " + problem);
        }
    }
}
