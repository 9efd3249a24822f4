package io.aftercare.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            +1 604 555 0123    | CA | +16045550123
            (604) 555-0123     | CA | +16045550123
            06 12 34 56 78     | FR | +33612345678
            +33 6 12 34 56 78  | CA | +33612345678
            07400 123456       | GB | +447400123456
            """)
    void shouldNormaliseMobileNumbersToE164(String written, String region, String e164) {
        assertThat(PhoneNumbers.mobile(written, region)).isEqualTo(new PhoneNumbers.Parsed(e164, null));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            +33 1 42 68 53 00 | FR | is not a mobile number
            +1 604 555        | CA | is not a valid phone number
            call me maybe     | CA | is not a phone number
            12                | CA | is not a valid phone number
            """)
    void shouldSayWhyANumberCannotReceiveTexts(String written, String region, String problem) {
        assertThat(PhoneNumbers.mobile(written, region).problem()).isEqualTo(problem);
    }

    @ParameterizedTest
    @CsvSource({"+16045550123, +16*******23", "+33612345678, +33*******78", "123, ***"})
    void shouldMaskAllButTheEnds(String number, String masked) {
        assertThat(PhoneMask.mask(number)).isEqualTo(masked);
    }
}
