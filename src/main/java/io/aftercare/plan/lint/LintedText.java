package io.aftercare.plan.lint;

import io.aftercare.sms.SmsSegments;
import java.util.List;

/**
 * How one step's text in one language travels as SMS, rendered with long names (the longest of its branches).
 *
 * @param forcingUcs2 the characters outside the GSM alphabet that make the text UCS-2; empty for GSM-7
 * @param characters Unicode characters of the text
 * @param units septets (GSM-7) or UTF-16 units (UCS-2), as billed
 */
public record LintedText(
        String step,
        String language,
        SmsSegments.Encoding encoding,
        List<String> forcingUcs2,
        int characters,
        int units,
        int segments) {

    public LintedText {
        forcingUcs2 = List.copyOf(forcingUcs2);
    }
}
