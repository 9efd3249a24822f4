package io.aftercare.dashboard.staffadmin;

import io.aftercare.dashboard.ClinicTimes.ShownTime;

/** A new invitation link, shown in the answer to the post that made it and never again. */
record ShownLink(String name, String url, ShownTime ends) {}
