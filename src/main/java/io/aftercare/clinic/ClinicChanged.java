package io.aftercare.clinic;

import java.util.UUID;

/** A clinic's row changed: whoever remembers the clinic forgets it once the change's transaction ends. */
record ClinicChanged(UUID clinicId) {}
