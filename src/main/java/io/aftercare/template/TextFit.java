package io.aftercare.template;

import io.aftercare.sms.SmsSegments;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a rendered text travels as SMS. */
@Schema(name = "TextFit")
public record TextFit(
        @Schema(description = "GSM_7, or UCS_2 when any character is outside the GSM alphabet")
        SmsSegments.Encoding encoding,

        @Schema(description = "septets (GSM-7) or UTF-16 units (UCS-2)")
        int units,

        int segments) {

    /** Texts longer than this are refused: three segments cost half as much again and arrive out of order on some phones. */
    public static final int MAX_SEGMENTS = 2;

    public static TextFit of(String text) {
        SmsSegments.Count count = SmsSegments.of(text);
        return new TextFit(count.encoding(), count.units(), count.segments());
    }

    public boolean fits() {
        return segments <= MAX_SEGMENTS;
    }
}
