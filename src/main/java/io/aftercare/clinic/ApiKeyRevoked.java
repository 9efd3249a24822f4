package io.aftercare.clinic;

/** A key stopped working: whoever remembers it by its digest forgets it once the revocation's transaction ends. */
record ApiKeyRevoked(String sha256) {}
