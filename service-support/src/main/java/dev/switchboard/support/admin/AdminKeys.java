package dev.switchboard.support.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The accepted admin keys, held only as SHA-256 digests and compared in constant time. */
public final class AdminKeys {

    private final List<byte[]> digests;

    public AdminKeys(List<String> hexDigests) {
        this.digests = hexDigests.stream().map(String::strip).filter(hex -> !hex.isEmpty())
                .map(hex -> parse(hex.toLowerCase(Locale.ROOT))).toList();
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    public boolean accepts(String presentedKey) {
        byte[] presented = sha256(presentedKey);
        boolean accepted = false;
        for (byte[] digest : digests) {
            // No early exit: the time taken does not tell which key, if any, was close.
            accepted |= MessageDigest.isEqual(digest, presented);
        }
        return accepted;
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", ex);
        }
    }

    private static byte[] parse(String hex) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(
                    "switchboard.admin.key-sha256 entries must be 64 hex digits (a SHA-256 digest), got " + hex.length() + " characters");
        }
        return HexFormat.of().parseHex(hex);
    }
}
