package io.aftercare.db;

import java.util.UUID;
import org.hibernate.id.uuid.UuidVersion7Strategy;

/**
 * Row ids that begin with their creation time (UUID version 7, RFC 9562). Rows written together sit together in the
 * primary-key index and in every index on a column holding such an id, so a write touches pages already in memory
 * however many rows the table holds; random ids would scatter each write over the whole index.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {}

    public static UUID next() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }
}
