package io.aftercare.dashboard;

/** An action or page the signed-in user's role does not allow (staff on a manager's settings, an operator's post). */
public class PageForbidden extends RuntimeException {

    public PageForbidden() {
        super(null, null, false, false);
    }
}
