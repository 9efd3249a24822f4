package io.aftercare.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The built-in guide's shape: what the page relies on, whatever its words. */
class AftercareGuideTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldCoverEveryDayInEnglishAndFrenchWithTheSamePhasesAndSteps() {
        AftercareGuide guide = PageFixtures.guide();

        assertThat(guide.languages()).containsKeys("en", "fr");
        List<String> keys = guide.languages().get("en").phases().stream()
                .map(AftercareGuide.Phase::key)
                .toList();
        assertThat(keys).containsExactly("days-1-3", "days-4-9", "days-10-14", "day-15-on");
        for (AftercareGuide.Language language : guide.languages().values()) {
            assertThat(language.phases()).extracting(AftercareGuide.Phase::key).isEqualTo(keys);
            assertThat(language.phases())
                    .extracting(AftercareGuide.Phase::steps)
                    .isEqualTo(guide.languages().get("en").phases().stream()
                            .map(AftercareGuide.Phase::steps)
                            .toList());
            assertThat(language.notNormal().whatToDo()).isNotBlank();
            assertThat(language.touchUp().text()).isNotBlank();
        }
    }

    @Test
    void shouldNameOnlyStepsOfTheBuiltInPlan() throws IOException {
        Set<String> planSteps = new HashSet<>();
        try (InputStream plan = getClass().getClassLoader().getResourceAsStream("plans/smp-aftercare.json")) {
            JSON.readTree(plan)
                    .get("steps")
                    .forEach(step -> planSteps.add(step.get("key").asText()));
        }

        for (AftercareGuide.Language language : PageFixtures.guide().languages().values()) {
            for (AftercareGuide.Phase phase : language.phases()) {
                assertThat(planSteps).containsAll(phase.steps());
            }
        }
    }

    @Test
    void shouldRefuseAGuideWithAGapBetweenPhases() throws IOException {
        ObjectNode guide = builtIn();
        ((ObjectNode) guide.at("/languages/fr/phases/1")).put("fromDay", 5);

        assertThatThrownBy(() -> read(guide))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("language 'fr', phase days-4-9 starts on day 5, not 4");
    }

    @Test
    void shouldRefuseAGuideWhoseLastPhaseEnds() throws IOException {
        ObjectNode guide = builtIn();
        ((ObjectNode) guide.at("/languages/en/phases/3")).put("toDay", 30);

        assertThatThrownBy(() -> read(guide))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is the last one and must go on");
    }

    @Test
    void shouldRefuseAGuideWithoutWhatIsNotNormal() throws IOException {
        ObjectNode guide = builtIn();
        ((ObjectNode) guide.at("/languages/en")).remove("notNormal");

        assertThatThrownBy(() -> read(guide))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks one of normal, notNormal");
    }

    private static ObjectNode builtIn() throws IOException {
        try (InputStream json =
                AftercareGuideTest.class.getClassLoader().getResourceAsStream(AftercareGuide.RESOURCE)) {
            return (ObjectNode) JSON.readTree(json);
        }
    }

    private static AftercareGuide read(JsonNode guide) throws IOException {
        return AftercareGuide.read(new ByteArrayInputStream(JSON.writeValueAsBytes(guide)));
    }
}
