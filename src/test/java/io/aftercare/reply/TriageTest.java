package io.aftercare.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Triage by the built-in vocabulary: a sign is never missed, whatever the case, accents, punctuation or emoji. */
class TriageTest {

    private static final Triage TRIAGE = TriageVocabulary.builtIn();

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "bleeding",
                "It bleeds when I touch it",
                "BLEEDING!!",
                "my scalp is bleeding and hot",
                "bled a bit overnight",
                "blood on my pillow 😱",
                "no bleeding, just itchy",
                "there's pus and it's hot",
                "Some yellow discharge",
                "I have a fever",
                "feverish and chills tonight",
                "is this redness normal?",
                "the red patch is spreading",
                "very swollen behind my ear",
                "it is getting worse",
                "severe pain since this morning",
                "little blisters everywhere",
                "I got a rash 🙁",
                "hives on my neck",
                "I think I'm having an allergic reaction",
                "could it be infected?",
                "Infection??",
            })
    void shouldFlagEnglishSignsAsUrgent(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @ParameterizedTest(name = "\"{0}\" is urgent")
    @ValueSource(
            strings = {
                "saignement",
                "Ça saigne encore",
                "SAIGNEMENT !!!",
                "ca saigne",
                "il y a du pus",
                "j'ai de la fièvre",
                "J'AI DE LA FIEVRE",
                "fièvre et frissons 🤒",
                "c'est gonflé",
                "très enflé ce matin",
                "une rougeur qui s'étend",
                "des rougeurs partout",
                "c'est chaud au toucher",
                "des cloques sont apparues",
                "urticaire sur le front",
                "je pense que je suis allergique",
                "est-ce infecté ?",
                "œdème autour de l'oreille",
                "ça me fait mal",
            })
    void shouldFlagFrenchSignsAsUrgent(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.URGENT);
    }

    @ParameterizedTest(name = "\"{0}\" is a question")
    @ValueSource(
            strings = {
                "Can I wash my scalp today?",
                "when can I go back to the gym",
                "Thanks. Should I keep moisturising",
                "How long until I can swim",
                "is it ok to wear a cap",
                "Quand puis-je reprendre le sport",
                "Est-ce que je peux porter une casquette",
                "Puis-je me raser demain",
                "comment laver ma tête",
                "ok, merci. Je peux nager ?",
            })
    void shouldTellQuestions(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.QUESTION);
    }

    @ParameterizedTest(name = "\"{0}\" is neither urgent nor a question")
    @ValueSource(
            strings = {
                "Thanks!",
                "thank you, all good 👍",
                "Great, see you next week",
                "ok",
                "Merci beaucoup !",
                "Tout va bien, merci",
                "à la semaine prochaine",
                "pushing my appointment to Friday",
                "",
                "🙂🙂",
            })
    void shouldLeaveHarmlessTextsAsOther(String reply) {
        assertThat(TRIAGE.categorise(reply, List.of())).isEqualTo(ReplyCategory.OTHER);
    }

    @Test
    void shouldAddTheClinicsOwnTermsWithStemsAndPhrases() {
        assertThat(TRIAGE.categorise("a bit crusty and flaky", List.of())).isEqualTo(ReplyCategory.OTHER);

        assertThat(TRIAGE.categorise("a bit crusty and flaky", List.of("crust*")))
                .isEqualTo(ReplyCategory.URGENT);
        assertThat(TRIAGE.categorise("Flaky SKIN!", List.of("flaky skin"))).isEqualTo(ReplyCategory.URGENT);
        assertThat(TRIAGE.categorise("skin is flaky", List.of("flaky skin"))).isEqualTo(ReplyCategory.OTHER);
        assertThat(TRIAGE.categorise("crème épaisse", List.of("creme"))).isEqualTo(ReplyCategory.URGENT);
    }

    @Test
    void shouldMatchWholeWordsUnlessTheTermIsAStem() {
        assertThat(TRIAGE.categorise("push the date back", List.of())).isEqualTo(ReplyCategory.OTHER);
        assertThat(TRIAGE.categorise("pus", List.of())).isEqualTo(ReplyCategory.URGENT);
        assertThat(TRIAGE.categorise("ready when you are", List.of("re"))).isEqualTo(ReplyCategory.OTHER);
    }

    @Test
    void shouldRefuseTermsWithoutWordsOrWithAStarInside() {
        assertThat(Triage.problemWith("bleed*")).isEmpty();
        assertThat(Triage.problemWith("yellow crust*")).isEmpty();
        assertThat(Triage.problemWith("*")).isPresent();
        assertThat(Triage.problemWith("?!")).isPresent();
        assertThat(Triage.problemWith("bl*ed")).isPresent();
        assertThat(Triage.problemWith("*bleed")).isPresent();
    }
}
