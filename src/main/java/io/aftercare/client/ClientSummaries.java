package io.aftercare.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Names, masked numbers and zones of a page's clients, for lists that hold only their ids. */
@ApplicationScoped
public class ClientSummaries {

    /**
     * The clinic's clients among these ids, erased ones included (as erased), in one query. An id of another clinic's
     * client, or of none, is left out of the answer.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ClientSummary> summaries(UUID clinicId, Set<UUID> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return Client.<Client>list("clinicId = ?1 and id in ?2", clinicId, clientIds).stream()
                .map(ClientSummary::of)
                .collect(Collectors.toMap(ClientSummary::id, Function.identity()));
    }
}
