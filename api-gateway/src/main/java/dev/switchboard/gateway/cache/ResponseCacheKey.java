package dev.switchboard.gateway.cache;

/**
 * What a cached answer depends on: the caller (when the cache is keyed by principal), path and query, and the
 * negotiation headers a backend may vary its body on.
 */
record ResponseCacheKey(String principal, String path, String query, String accept, String acceptEncoding) {
}
