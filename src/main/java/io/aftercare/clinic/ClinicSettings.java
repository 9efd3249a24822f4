package io.aftercare.clinic;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a clinic's texts are sent.
 *
 * @param quietHours client-local hours when no text goes out; null turns them off
 * @param optionalSteps keys of the plan's optional long-term steps to send
 * @param retentionDays days after a client's last session ended before their data is erased; null: the operator's
 *     default
 * @param smsTransliteration texts are written in the GSM alphabet as far as it goes; null: true
 */
@Schema(name = "ClinicSettings")
public record ClinicSettings(
        QuietHoursSetting quietHours,
        List<String> optionalSteps,

        @Schema(
                description = "Days after a client's last session ended before their name, number and texts are erased"
                        + " (30 to 3650); texts still to go out keep the client until they have. Absent or null: the"
                        + " operator's default (aftercare.retention.default-days, 400 unless changed).",
                minimum = "30",
                maximum = "3650",
                example = "400",
                nullable = true)
        Integer retentionDays,

        @Schema(
                description = "Write texts in the GSM alphabet as far as it goes: a letter it lacks loses its accent"
                        + " (Zoë → Zoe, François → Francois), typographic quotes, dashes and spaces become plain ones,"
                        + " so that one character does not turn a text into UCS-2 and double or quadruple its"
                        + " segments. Letters with no such form (Cyrillic, CJK, emoji) are kept. The client's name is"
                        + " stored as written. Absent or null: true. Applies to texts scheduled from now on.",
                example = "true",
                defaultValue = "true",
                nullable = true)
        @JsonDeserialize(using = StrictBoolean.class)
        Boolean smsTransliteration) {

    public static final int MIN_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 3650;

    @Schema(name = "QuietHours")
    public record QuietHoursSetting(
            @Schema(example = "21:00", description = "client-local HH:MM")
            String start,

            @Schema(example = "08:00", description = "client-local HH:MM; before start means the next morning")
            String end) {}
}
