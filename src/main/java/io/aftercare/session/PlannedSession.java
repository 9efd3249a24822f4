package io.aftercare.session;

import io.aftercare.client.Client;
import io.aftercare.pagelink.PageLinks.IssuedLink;
import io.aftercare.session.SessionPlanner.SessionPlan;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A posted session, validated and planned, as a post writes it and a preview shows it.
 *
 * @param client the client as stored, when the clinic posted a session for them before
 * @param plannedAt the instant the texts were planned at, also the session's creation time when it is written
 * @param pageLink the link of the client's page, which the texts carry; empty for a preview or while pages are off
 */
record PlannedSession(
        UUID clinicId,
        ValidSession session,
        Optional<Client> client,
        SessionPlan plan,
        Instant plannedAt,
        Optional<IssuedLink> pageLink) {}
