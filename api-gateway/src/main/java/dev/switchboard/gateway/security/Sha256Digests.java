package dev.switchboard.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** SHA-256 digests of presented secrets, and the parsing of configured ones. */
final class Sha256Digests {

    private Sha256Digests() {
    }

    static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }

    static String hexOf(String secret) {
        return HexFormat.of().formatHex(of(secret));
    }

    /** Parses a configured digest; {@code property} names where it came from in the error. */
    static byte[] parse(String hex, String property) {
        String normalized = hex.strip().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(property + " must be a SHA-256 digest (64 hex digits), got "
                    + normalized.length() + " characters");
        }
        return HexFormat.of().parseHex(normalized);
    }
}
