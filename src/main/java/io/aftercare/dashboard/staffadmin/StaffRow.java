package io.aftercare.dashboard.staffadmin;

import io.aftercare.dashboard.ClinicTimes.ShownTime;
import io.aftercare.staff.StaffRole;
import io.aftercare.staff.StaffState;
import java.util.UUID;

/**
 * One user in the staff list, as the page shows them.
 *
 * @param until when their link ends (invited) or their lockout does (locked); null otherwise
 * @param self whether this is the signed-in user
 */
record StaffRow(
        UUID id, String name, String maskedEmail, StaffRole role, StaffState state, ShownTime until, boolean self) {

    public boolean manager() {
        return role == StaffRole.MANAGER;
    }

    public boolean removed() {
        return state == StaffState.REMOVED;
    }
}
