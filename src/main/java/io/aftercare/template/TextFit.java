package io.aftercare.template;

import io.aftercare.sms.SmsSegments;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a rendered text travels as SMS. */
@Schema(name = "TextFit")
public record TextFit(
        @Schema(description = "GSM_7, or UCS_2 when any character is outside the GSM alphabet")
        SmsSegments.Encoding encoding,

        @Schema(description = "septets (GSM-7) or UTF-16 units (UCS-2)")
        int units,

        int segments,

        @Schema(
                description =
                        "The characters outside the GSM alphabet that made the text UCS-2, each once, in the order"
                                + " they first appear; empty for GSM-7",
                example = "[\"ë\", \"’\"]")
        List<String> forcedUcs2By) {

    /** Texts longer than this are refused: three segments cost half as much again and arrive out of order on some phones. */
    public static final int MAX_SEGMENTS = 2;

    /** A text in another script has dozens of such characters; a few say enough. */
    static final int REASONS_SHOWN = 5;

    public static TextFit of(String text) {
        SmsSegments.Count count = SmsSegments.of(text);
        return new TextFit(count.encoding(), count.units(), count.segments(), SmsSegments.outsideGsm7(text));
    }

    /**
     * Why the text takes the segments it does, for the clinic: "UCS-2 because of ë, ’" (at most
     * {@value #REASONS_SHOWN} characters, then how many more) or "GSM-7, 232 characters" (extension characters such as
     * {@code €} counted twice, as carriers do).
     */
    public String reason() {
        if (encoding == SmsSegments.Encoding.GSM_7) {
            return "GSM-7, " + units + " characters";
        }
        String shown = String.join(", ", forcedUcs2By.subList(0, Math.min(REASONS_SHOWN, forcedUcs2By.size())));
        int more = forcedUcs2By.size() - REASONS_SHOWN;
        return "UCS-2 because of " + shown + (more > 0 ? " and " + more + " more" : "");
    }

    public boolean fits() {
        return segments <= MAX_SEGMENTS;
    }
}
