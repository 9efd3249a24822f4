package io.aftercare.clinic;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a clinic's texts are sent.
 *
 * @param quietHours client-local hours when no text goes out; null turns them off
 * @param optionalSteps keys of the plan's optional long-term steps to send
 * @param retentionDays days after a client's last session ended before their data is erased; null: the operator's
 *     default
 */
@Schema(name = "ClinicSettings")
record ClinicSettings(
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
        Integer retentionDays) {

    public static final int MIN_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 3650;

    @Schema(name = "QuietHours")
    public record QuietHoursSetting(
            @Schema(example = "21:00", description = "client-local HH:MM")
            String start,

            @Schema(example = "08:00", description = "client-local HH:MM; before start means the next morning")
            String end) {}
}
