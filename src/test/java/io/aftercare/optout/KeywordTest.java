package io.aftercare.optout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordTest {

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource({
        "STOP, OPT_OUT",
        "stop, OPT_OUT",
        "' Stop! ', OPT_OUT",
        "StopAll, OPT_OUT",
        "unsubscribe, OPT_OUT",
        "Cancel, OPT_OUT",
        "end., OPT_OUT",
        "QUIT, OPT_OUT",
        "start, OPT_IN",
        "Yes, OPT_IN",
        "UNSTOP, OPT_IN",
        "help, HELP",
        "Help?, HELP"
    })
    void shouldReadAKeywordInAnyCase(String reply, Keyword keyword) {
        assertThat(Keyword.of(reply)).contains(keyword);
    }

    @ParameterizedTest(name = "\"{0}\" is not a keyword")
    @ValueSource(strings = {"please stop texting me", "stopping by tomorrow", "thanks!", "", "   "})
    void shouldLeaveOrdinaryRepliesAlone(String reply) {
        assertThat(Keyword.of(reply)).isEmpty();
    }
}
