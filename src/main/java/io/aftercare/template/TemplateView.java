package io.aftercare.template;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A step's text as a clinic's clients receive it.
 *
 * @param overridden true when it is the clinic's own wording, false when it is the plan's
 * @param sample the text rendered with long sample names and written for SMS as the clinic's texts are (in the GSM
 *     alphabet as far as it goes, unless the clinic turned that off), as the check of its length saw it
 * @param notUsedBecause why the clinic's wording is not used: written before today's rules for clinic text, it breaks
 *     one of them; the plan's wording goes out until the clinic rewrites it
 */
@Schema(name = "Template")
public record TemplateView(
        String step,
        String language,
        String template,
        boolean overridden,
        String sample,
        TextFit fit,
        Instant updatedAt,

        @Schema(description = "Why the clinic's wording is not used (the plan's goes out instead); absent when it is")
        String notUsedBecause) {}
