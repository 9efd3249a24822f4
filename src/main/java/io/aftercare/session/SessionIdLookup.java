package io.aftercare.session;

import io.aftercare.reminder.SessionExternalIds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Names sessions by the clinic's ids, for the texts of a client's history. */
@ApplicationScoped
class SessionIdLookup implements SessionExternalIds {

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, String> of(Collection<UUID> sessionIds) {
        return TreatmentSession.getEntityManager()
                .createQuery("select s.id, s.externalId from TreatmentSession s where s.id in :ids", Object[].class)
                .setParameter("ids", sessionIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
    }
}
