package io.aftercare.template;

/** A clinic's text that the sandbox will not render; the message says why, in the words of an API error. */
class ClinicTextRefused extends RuntimeException {

    ClinicTextRefused(String reason) {
        super(reason, null, false, false);
    }
}
