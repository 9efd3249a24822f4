package io.aftercare.reminder;

import java.time.Instant;

/**
 * Texts were written to go out from {@code earliestDueAt} on (a session posted or imported, a clinic's own text),
 * fired (CDI, synchronously) in the transaction that wrote them. Observed after commit on the node that wrote them, so
 * that its dispatcher can wake for a text due sooner than it planned to look.
 */
public record TextsScheduled(Instant earliestDueAt) {}
