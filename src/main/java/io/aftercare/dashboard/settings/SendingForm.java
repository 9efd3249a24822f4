package io.aftercare.dashboard.settings;

import java.util.List;

/**
 * The Sending form as shown: the clinic's settings, or what the manager posted when it was refused, with each field's
 * error in the page's language (null when the field is fine).
 */
public record SendingForm(
        boolean quietHours,
        String quietHoursStart,
        String quietHoursEnd,
        List<Choice> optionalSteps,
        String retentionDays,
        boolean smsTransliteration,
        String startError,
        String endError,
        String optionalStepsError,
        String retentionError) {

    /** One optional step of the plan, ticked or not. */
    public record Choice(String key, boolean chosen) {}

    public boolean refused() {
        return startError != null || endError != null || optionalStepsError != null || retentionError != null;
    }

    public List<String> chosenSteps() {
        return optionalSteps.stream().filter(Choice::chosen).map(Choice::key).toList();
    }
}
