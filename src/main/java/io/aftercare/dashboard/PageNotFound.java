package io.aftercare.dashboard;

/**
 * A page that is not there for this user: unknown, malformed, erased or another clinic's, all answered alike so that
 * a 404 tells nothing about other clinics.
 */
public class PageNotFound extends RuntimeException {

    public PageNotFound() {
        super(null, null, false, false);
    }
}
