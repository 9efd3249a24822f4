package io.aftercare.reminder;

import java.util.List;
import java.util.Optional;

/** One page of a clinic's texts; {@code nextCursor} is empty on the last page. */
public record ClinicTextPage(List<ClinicText> texts, Optional<String> nextCursor) {}
