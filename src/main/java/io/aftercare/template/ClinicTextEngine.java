package io.aftercare.template;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.aftercare.plan.MessageContext;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.IfSectionHelper;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Renders text a clinic wrote. Clinic text is data, not code: it is parsed by a Qute engine of its own that knows
 * nothing but the values of {@link MessageContext#VALUE_NAMES} and the {@code {#if}} section. It has no namespaces
 * ({@code config:}, {@code inject:}...), no method or property calls on values, no loops and no includes, so a
 * template cannot reach configuration, beans or the JVM, and cannot repeat anything: its output is bounded by its own
 * length times the longest value. The plan's own texts keep the application's engine ({@code plan.MessageRenderer}).
 */
@ApplicationScoped
class ClinicTextEngine {

    /** Longest text a clinic may write. */
    public static final int MAX_TEMPLATE_LENGTH = 1000;

    /** Longest text one rendering may produce; rendering stops there. Ten SMS segments, far more than a text may use. */
    static final int MAX_OUTPUT_LENGTH = 1600;

    private static final String ALLOWED = MessageContext.VALUE_NAMES.stream()
            .sorted()
            .map(name -> "{" + name + "}")
            .collect(Collectors.joining(", "));

    private final Engine engine = Engine.builder()
            .addSectionHelper(new IfSectionHelper.Factory())
            .addValueResolver(new ClinicTextValues.Resolver())
            .strictRendering(true)
            .build();

    /** How many parsed clinic texts are kept: every clinic's wordings many times over. */
    static final int MOST_CACHED_TEMPLATES = 2_000;

    // Bounded: templates come from clinics, and a loop of changes must not grow the heap.
    private final Cache<String, Template> parsed =
            Caffeine.newBuilder().maximumSize(MOST_CACHED_TEMPLATES).build();

    /**
     * Renders a stored wording of a clinic for one client; the parsed text is kept for the next client.
     *
     * @throws ClinicTextRefused when the text uses what it may not, or its output would pass the hard limit
     */
    public String render(String text, MessageContext context, LocalDate stepDate) {
        // Only texts that passed the check are kept, so refused ones never fill the cache.
        return render(parsed.get(text, this::parse), context, stepDate);
    }

    /**
     * Renders a wording a clinic is trying out (not stored yet): nothing of it is kept, so a stream of trials cannot
     * crowd the clinics' stored wordings out of the cache.
     *
     * @throws ClinicTextRefused as {@link #render}
     */
    public String tryOut(String text, MessageContext context, LocalDate stepDate) {
        return render(parse(text), context, stepDate);
    }

    private static String render(Template template, MessageContext context, LocalDate stepDate) {
        var instance = template.instance();
        instance.data(new ClinicTextValues(context.values(stepDate)));
        LimitedOutput output = new LimitedOutput(MAX_OUTPUT_LENGTH);
        try {
            join(instance.consume(output));
        } catch (ClinicTextRefused e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // Qute's own failures (a value it cannot compare, say) are the text's fault, never the service's: a 400 at
            // the check, the plan's wording for a client.
            throw new ClinicTextRefused("does not render: " + e.getMessage());
        }
        return output.toString().strip();
    }

    /** How many parsed texts the cache holds now, after evicting what it must. */
    long cachedTemplates() {
        parsed.cleanUp();
        return parsed.estimatedSize();
    }

    private Template parse(String text) {
        if (text.length() > MAX_TEMPLATE_LENGTH) {
            throw new ClinicTextRefused("must be at most " + MAX_TEMPLATE_LENGTH + " characters");
        }
        ClinicTextSyntax.problem(text).ifPresent(problem -> {
            throw new ClinicTextRefused("does not render: it " + problem + "; a text may use " + ALLOWED
                    + " and {#if value}...{#else}...{/if}");
        });
        Template template;
        try {
            template = engine.parse(text);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ClinicTextRefused("does not render: " + e.getMessage());
        }
        // The grammar above already allows nothing else; this keeps it so should the grammar ever grow.
        for (Expression expression : template.getExpressions()) {
            if (!isAllowed(expression)) {
                throw new ClinicTextRefused("does not render: " + expression.toOriginalString()
                        + " is not a value a text may use; a text may use " + ALLOWED
                        + " and {#if value}...{#else}...{/if}");
            }
        }
        return template;
    }

    /** A literal, or one of the values by its bare name: no namespace, no method, no property of a value. */
    private static boolean isAllowed(Expression expression) {
        if (expression.isLiteral()) {
            return true;
        }
        if (expression.hasNamespace() || expression.getParts().size() != 1) {
            return false;
        }
        Expression.Part part = expression.getParts().get(0);
        return !part.isVirtualMethod() && MessageContext.VALUE_NAMES.contains(part.getName());
    }

    private static void join(CompletionStage<Void> rendering) {
        try {
            rendering.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
