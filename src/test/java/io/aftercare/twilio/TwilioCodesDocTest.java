package io.aftercare.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.aftercare.sms.FailureKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/twilio.md's table of error codes and the service's own table say the same, both ways. */
class TwilioCodesDocTest {

    private static final Path DOC = Path.of("docs/twilio.md");
    private static final String SECTION = "### Error codes";
    // A row: | code | Twilio's meaning | kind | what the service does |
    private static final Pattern ROW = Pattern.compile("^\\| (\\d{5}) \\|[^|]+\\| ([a-z ]+) \\|");

    @Test
    void shouldDocumentEveryCodeTheServiceTreatsSpeciallyWithItsKind() throws IOException {
        Map<Integer, String> documented = documentedCodes();
        Map<Integer, String> inCode = TwilioFailures.CODES.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> words(entry.getValue().kind())));

        assertThat(documented).as("codes in docs/twilio.md").isNotEmpty();
        assertThat(documented.keySet())
                .as("documented but not in TwilioFailures.CODES")
                .isSubsetOf(inCode.keySet());
        assertThat(inCode.keySet())
                .as("in TwilioFailures.CODES but not documented")
                .isSubsetOf(documented.keySet());
        assertThat(documented).isEqualTo(inCode);
    }

    private static Map<Integer, String> documentedCodes() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int start = lines.indexOf(SECTION);
        assertThat(start).as("docs/twilio.md has a section '%s'", SECTION).isNotNegative();
        Map<Integer, String> codes = new LinkedHashMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                assertThat(codes.put(Integer.parseInt(row.group(1)), row.group(2)))
                        .as("code %s listed once", row.group(1))
                        .isNull();
            }
        }
        return codes;
    }

    private static String words(FailureKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
