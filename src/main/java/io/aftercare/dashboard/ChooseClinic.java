package io.aftercare.dashboard;

/** An operator user who has not chosen which clinic to look at yet. */
class ChooseClinic extends RuntimeException {

    ChooseClinic() {
        super(null, null, false, false);
    }
}
