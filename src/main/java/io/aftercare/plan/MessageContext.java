package io.aftercare.plan;

/**
 * What a message template can mention.
 *
 * @param treatmentContinues true after a treatment session that is not the last one, so the client comes back
 */
public record MessageContext(String firstName, String clinicName, String clinicPhone, boolean treatmentContinues) {}
