package dev.switchboard.gateway.cache;

/**
 * What the storing filter decided for a request, kept as an exchange attribute for the lookup filter.
 *
 * @param key the request's cache key
 * @param skipLookup the client asked for a fresh answer ({@code no-cache})
 */
record CacheLookup(ResponseCacheKey key, boolean skipLookup) {

    static final String ATTRIBUTE = CacheLookup.class.getName();

    /** Set once a response was replayed from the cache, so that it is not stored again. */
    static final String REPLAYED_ATTRIBUTE = CacheLookup.class.getName() + ".replayed";
}
