package io.aftercare.template;

import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Results;
import io.quarkus.qute.ValueResolver;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The values of one rendering of a clinic's text: the root of every expression it holds. */
record ClinicTextValues(Map<String, Object> byName) {

    /** Resolves a bare name against the values; the clinic-text engine has no other resolver, so nothing else resolves. */
    static final class Resolver implements ValueResolver {

        @Override
        public boolean appliesTo(EvalContext context) {
            return context.getBase() instanceof ClinicTextValues
                    && context.getParams().isEmpty();
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext context) {
            Map<String, Object> values = ((ClinicTextValues) context.getBase()).byName();
            return values.containsKey(context.getName())
                    ? CompletableFuture.completedFuture(values.get(context.getName()))
                    : Results.notFound(context);
        }
    }
}
