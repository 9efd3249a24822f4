package io.aftercare.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameShorteningTest {

    @Test
    void shouldTryTheNameThenItsGsmFormThenItsFirstWordThenNoName() {
        assertThat(NameShortening.forms("Zoë Anne-Marie"))
                .containsExactly("Zoë Anne-Marie", "Zoe Anne-Marie", "Zoe", NameShortening.LEFT_OUT);
    }

    @Test
    void shouldKeepLettersTheGsmAlphabetHasAndThoseWithNoGsmForm() {
        assertThat(NameShortening.forms("Renée")).containsExactly("Renée", NameShortening.LEFT_OUT);
        assertThat(NameShortening.forms("Łukasz")).containsExactly("Łukasz", NameShortening.LEFT_OUT);
        assertThat(NameShortening.forms("Chloë")).containsExactly("Chloë", "Chloe", NameShortening.LEFT_OUT);
        assertThat(NameShortening.forms("李小龍")).containsExactly("李小龍", NameShortening.LEFT_OUT);
    }

    @Test
    void shouldCutALongFirstWordToTheSampleNamesLength() {
        assertThat(NameShortening.forms("Maximiliannejohannesburg"))
                .containsExactly("Maximiliannejohannesburg", "Maximiliannejoh", NameShortening.LEFT_OUT);
    }

    @Test
    void shouldLeaveOutANameWithTheSpaceBeforeIt() {
        assertThat(NameShortening.withoutLeftOutName("Hi " + NameShortening.LEFT_OUT + ", rinse gently."))
                .isEqualTo("Hi, rinse gently.");
        assertThat(NameShortening.withoutLeftOutName(NameShortening.LEFT_OUT + ": rinse"))
                .isEqualTo(": rinse");
    }
}
