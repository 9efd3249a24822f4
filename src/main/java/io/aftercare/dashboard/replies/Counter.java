package io.aftercare.dashboard.replies;

import io.aftercare.sms.SmsSegments;
import io.aftercare.template.TextFit;

/** An answer's live count, as the answer form's counter shows it. */
public record Counter(boolean fits, int units, String encoding, int segments, int max, String characters) {

    static Counter of(TextFit fit) {
        return new Counter(
                fit.fits(),
                fit.units(),
                fit.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7" : "UCS-2",
                fit.segments(),
                TextFit.MAX_SEGMENTS,
                String.join(" ", fit.forcedUcs2By()));
    }

    public boolean ucs2() {
        return !characters.isEmpty();
    }
}
