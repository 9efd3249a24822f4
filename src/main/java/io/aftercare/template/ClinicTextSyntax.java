package io.aftercare.template;

import io.aftercare.plan.MessageContext;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The grammar of a clinic's text, checked before Qute parses it. Hand-written because Qute's own parser is not safe on
 * hostile input: a condition such as {@code 1 == 1 == 1 == 1 && 1} makes it recurse without end or fill the heap, and
 * nested arguments cost it time and memory before any expression can be refused. This grammar allows only:
 *
 * <ul>
 *   <li>plain text without braces (nor a backslash before one, Qute's escape);
 *   <li>{@code {value}}, one of {@link MessageContext#VALUE_NAMES};
 *   <li>{@code {#if condition}}, {@code {#else if condition}}, {@code {#else}} and {@code {/if}}, at most
 *       {@value #MOST_NESTED_IFS} deep, where a condition is {@code value}, {@code !value}, {@code a == b} or
 *       {@code a != b} (each side a value or a {@code 'quoted text'}), or two of those joined by {@code &&} or
 *       {@code ||}.
 * </ul>
 */
final class ClinicTextSyntax {

    static final int MOST_NESTED_IFS = 3;
    static final int MOST_TAGS = 40;

    private static final String NAME =
            MessageContext.VALUE_NAMES.stream().sorted().collect(Collectors.joining("|", "(?:", ")"));
    private static final String OPERAND = "(?:" + NAME + "|'[^'{}\"\\\\\\n]{0,60}')";
    private static final String CLAUSE = "(?:!?" + NAME + "|" + OPERAND + " *(?:==|!=) *" + OPERAND + ")";
    private static final String CONDITION = CLAUSE + "(?: +(?:&&|\\|\\|) +" + CLAUSE + ")?";
    private static final Pattern VALUE = Pattern.compile(NAME);
    private static final Pattern IF = Pattern.compile("#if +" + CONDITION + " *");
    private static final Pattern ELSE_IF = Pattern.compile("#else +if +" + CONDITION + " *");
    private static final Pattern ELSE = Pattern.compile("#else *");
    private static final Pattern END_IF = Pattern.compile("/if *");

    /** What a section of an {@code {#if}} has seen so far. */
    private enum Open {
        IF,
        ELSE
    }

    private ClinicTextSyntax() {}

    /** @return why the text is refused, or empty when it follows the grammar */
    static Optional<String> problem(String text) {
        Deque<Open> ifs = new ArrayDeque<>();
        int tags = 0;
        int position = 0;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '}') {
                return Optional.of("has a '}' that closes nothing; braces only mark a value or an {#if}");
            }
            if (c == '\\' && position + 1 < text.length() && "{}".indexOf(text.charAt(position + 1)) >= 0) {
                // Qute would print the brace and what follows as written: refused, so a text never means two things.
                return Optional.of("has a backslash before a brace");
            }
            if (c != '{') {
                position++;
                continue;
            }
            int end = text.indexOf('}', position);
            int nextOpen = text.indexOf('{', position + 1);
            if (end < 0 || (nextOpen >= 0 && nextOpen < end)) {
                return Optional.of("has a '{' that is not closed; braces only mark a value or an {#if}");
            }
            String tag = text.substring(position + 1, end);
            if (++tags > MOST_TAGS) {
                return Optional.of("has more than " + MOST_TAGS + " values and sections");
            }
            Optional<String> problem = tag(tag, ifs);
            if (problem.isPresent()) {
                return problem;
            }
            position = end + 1;
        }
        return ifs.isEmpty() ? Optional.empty() : Optional.of("has an {#if} without its {/if}");
    }

    private static Optional<String> tag(String tag, Deque<Open> ifs) {
        if (VALUE.matcher(tag).matches()) {
            return Optional.empty();
        }
        if (IF.matcher(tag).matches()) {
            if (ifs.size() == MOST_NESTED_IFS) {
                return Optional.of("nests {#if} more than " + MOST_NESTED_IFS + " deep");
            }
            ifs.push(Open.IF);
            return Optional.empty();
        }
        if (ELSE_IF.matcher(tag).matches() || ELSE.matcher(tag).matches()) {
            if (ifs.isEmpty() || ifs.peek() == Open.ELSE) {
                return Optional.of("has {" + tag + "} outside an {#if} or after its {#else}");
            }
            if (ELSE.matcher(tag).matches()) {
                ifs.pop();
                ifs.push(Open.ELSE);
            }
            return Optional.empty();
        }
        if (END_IF.matcher(tag).matches()) {
            if (ifs.isEmpty()) {
                return Optional.of("has an {/if} without its {#if}");
            }
            ifs.pop();
            return Optional.empty();
        }
        return Optional.of("{" + tag + "} is not a value or section a text may use");
    }
}
