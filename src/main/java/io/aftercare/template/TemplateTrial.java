package io.aftercare.template;

import java.util.List;

/**
 * What saving a wording would do, found without saving it: the verdict {@link Templates#put} enforces.
 *
 * @param sample the wording rendered for the long sample client and written for SMS as the clinic's texts are, as
 *     saving it would answer; null when the text was refused before it could be rendered
 * @param fit how {@code sample} travels as SMS; null with it
 * @param refusals why saving it would be refused, each a reason as the API's error names it for the field
 *     {@code template}; empty when it would be saved
 */
public record TemplateTrial(String sample, TextFit fit, List<String> refusals) {

    public TemplateTrial {
        refusals = List.copyOf(refusals);
    }

    static TemplateTrial refused(String reason) {
        return new TemplateTrial(null, null, List.of(reason));
    }

    /** Saving it would succeed. */
    public boolean accepted() {
        return refusals.isEmpty();
    }
}
