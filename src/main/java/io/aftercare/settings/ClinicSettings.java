package io.aftercare.settings;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a clinic's texts are sent.
 *
 * @param quietHours client-local hours when no text goes out; null turns them off
 * @param optionalSteps keys of the plan's optional long-term steps to send
 */
@Schema(name = "ClinicSettings")
public record ClinicSettings(QuietHoursSetting quietHours, List<String> optionalSteps) {

    @Schema(name = "QuietHours")
    public record QuietHoursSetting(
            @Schema(example = "21:00", description = "client-local HH:MM") String start,
            @Schema(example = "08:00", description = "client-local HH:MM; before start means the next morning") String end) {}
}
