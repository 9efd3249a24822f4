package io.aftercare.plan.lint;

/**
 * One breach the plan linter found.
 *
 * @param step key of the step at fault
 * @param language the language of the text at fault, or null when the breach is the step's whatever its language
 *     (its timing)
 * @param message what is wrong, in words for a clinic or an operator; never a client's data
 */
public record LintFinding(String step, String language, LintRule rule, String message) {}
