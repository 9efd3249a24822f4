package io.aftercare.plan.lint;

import java.util.regex.Pattern;

/**
 * The limits a plan's texts are linted against.
 *
 * @param name how the API and the log call the profile
 * @param mostTextsADay texts one client may get on one local day
 * @param mostTextsAWeek texts one client may get within any seven days
 * @param mostCharacters characters one text may have
 * @param optOut wording that tells a client how to opt out; the first text after a session must contain it
 */
public record ComplianceProfile(
        String name, int mostTextsADay, int mostTextsAWeek, int mostCharacters, Pattern optOut) {

    /**
     * US healthcare messaging: the FCC's exemption expects at most one text a day and three a week, of at most 160
     * characters, and the first one saying how to opt out (STOP, or ARRET in French).
     */
    public static final ComplianceProfile HEALTHCARE =
            new ComplianceProfile("healthcare", 1, 3, 160, Pattern.compile("\\b(STOP|ARR[EÊ]T)\\b"));
}
