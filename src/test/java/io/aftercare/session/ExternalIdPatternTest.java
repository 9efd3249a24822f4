package io.aftercare.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The portable id pattern the OpenAPI document shows accepts exactly what Java's {@code \p{Graph}+} accepted. */
class ExternalIdPatternTest {

    @Test
    void shouldAcceptTheSameCharactersAsJavaGraph() {
        Pattern portable = Pattern.compile(SessionRequest.EXTERNAL_ID);
        Pattern graph = Pattern.compile("\\p{Graph}+");
        for (int codePoint = 0; codePoint <= 0x1FFFF; codePoint++) {
            String text = Character.toString(codePoint);
            assertThat(portable.matcher(text).matches())
                    .as("U+%04X", codePoint)
                    .isEqualTo(graph.matcher(text).matches());
        }
        assertThat(portable.matcher("client-311").matches()).isTrue();
        assertThat(portable.matcher("client 311").matches()).isFalse();
    }
}
