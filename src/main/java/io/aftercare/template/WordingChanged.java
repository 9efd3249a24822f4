package io.aftercare.template;

import java.util.UUID;

/** A clinic's own wordings changed: whoever remembers them forgets them once the change's transaction ends. */
record WordingChanged(UUID clinicId) {}
