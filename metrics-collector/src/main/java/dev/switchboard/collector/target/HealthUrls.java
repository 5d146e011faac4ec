package dev.switchboard.collector.target;

import java.net.URI;

/** Joins a base URL and a path without doubling or losing the slash between them. */
final class HealthUrls {

    private HealthUrls() {
    }

    static URI resolve(URI base, String path) {
        String left = base.toString();
        if (left.endsWith("/")) {
            left = left.substring(0, left.length() - 1);
        }
        return URI.create(left + (path.startsWith("/") ? path : "/" + path));
    }
}
