package io.aftercare.db;

/**
 * A row read earlier in the transaction changed before the transaction wrote it (another node erased it, say): the
 * caller rolls back and may start over once, as after a unique-key violation.
 */
public class ConcurrentChange extends RuntimeException {

    public ConcurrentChange(String message) {
        super(message, null, false, false);
    }
}
