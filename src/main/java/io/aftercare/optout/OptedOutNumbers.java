package io.aftercare.optout;

import io.aftercare.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Which of many numbers opted out of one clinic's texts: one query for a whole batch of posted sessions. */
@ApplicationScoped
public class OptedOutNumbers {

    private final Jdbc jdbc;
    private final NumberMarkers markers;

    OptedOutNumbers(Jdbc jdbc, NumberMarkers markers) {
        this.jdbc = jdbc;
        this.markers = markers;
    }

    /**
     * The numbers among {@code phones} opted out of the clinic's texts, by their own opt-out or by the marker an erased
     * client's STOP left of the number ({@link OptOuts#keepOnlyMarker}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> among(UUID clinicId, Collection<String> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        Map<String, String> numberOf = new HashMap<>();
        for (String phone : phones) {
            numberOf.put(phone, phone);
            markers.markersOf(phone).forEach(marker -> numberOf.put(marker, phone));
        }
        return jdbc.inTransaction(connection -> {
            Set<String> optedOut = new HashSet<>();
            try (PreparedStatement query =
                    connection.prepareStatement("SELECT phone FROM opt_out WHERE clinic_id = ? AND phone = ANY(?)")) {
                query.setObject(1, clinicId);
                query.setArray(
                        2,
                        connection.createArrayOf(
                                "text", List.copyOf(numberOf.keySet()).toArray(String[]::new)));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        optedOut.add(numberOf.get(rows.getString(1)));
                    }
                }
            }
            return optedOut;
        });
    }
}
