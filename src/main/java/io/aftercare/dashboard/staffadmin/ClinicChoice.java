package io.aftercare.dashboard.staffadmin;

import java.util.UUID;

/** A clinic the operator may look at; {@code chosen} is the one the dashboard shows now. */
record ClinicChoice(UUID id, String name, boolean chosen) {}
