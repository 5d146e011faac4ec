package dev.switchboard.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The accepted API keys, held only as SHA-256 digests. A presented key is hashed and compared with every digest
 * in constant time, so neither the answer time nor a heap dump gives a key away.
 */
public final class ApiKeyRegistry {

    private final List<Entry> entries;

    ApiKeyRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The keys of {@code switchboard.gateway.auth.api-keys} and {@code api-key-digests}. */
    public static ApiKeyRegistry from(EdgeAuthProperties properties) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < properties.apiKeys().size(); i++) {
            EdgeAuthProperties.ApiKey key = properties.apiKeys().get(i);
            entries.add(new Entry(key.name().strip(),
                    Sha256Digests.parse(key.sha256(), "switchboard.gateway.auth.api-keys[" + i + "].sha256")));
        }
        for (String pair : properties.apiKeyDigests()) {
            if (!pair.isBlank()) {
                entries.add(parsePair(pair, "switchboard.gateway.auth.api-key-digests (GATEWAY_API_KEYS_SHA256)"));
            }
        }
        Path file = properties.apiKeyFile();
        if (file != null) {
            for (String line : readLines(file)) {
                String content = line.strip();
                if (!content.isEmpty() && !content.startsWith("#")) {
                    entries.add(parsePair(content, "the API key file " + file));
                }
            }
        }
        return new ApiKeyRegistry(entries);
    }

    private static Entry parsePair(String pair, String source) {
        int colon = pair.indexOf(':');
        if (colon <= 0 || pair.substring(0, colon).isBlank()) {
            throw new IllegalArgumentException(source + " entries must be name:sha256 pairs; an entry has no name");
        }
        String name = pair.substring(0, colon).strip();
        return new Entry(name, Sha256Digests.parse(pair.substring(colon + 1), "the digest of API key '" + name + "' in " + source));
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the API key file " + file + " (switchboard.gateway.auth.api-key-file)", ex);
        }
    }

    /** The admin keys of {@code switchboard.admin.key-sha256}. */
    public static ApiKeyRegistry ofAdminDigests(List<String> digests) {
        return new ApiKeyRegistry(digests.stream().filter(hex -> !hex.isBlank())
                .map(hex -> new Entry("admin", Sha256Digests.parse(hex, "switchboard.admin.key-sha256 (ADMIN_KEY_SHA256)")))
                .toList());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The name of the key, if the presented key is one of the accepted ones. */
    public Optional<String> nameOf(String presentedKey) {
        byte[] presented = Sha256Digests.of(presentedKey);
        String found = null;
        for (Entry entry : entries) {
            // No early exit: the time taken does not tell which key, if any, was close.
            if (MessageDigest.isEqual(entry.digest(), presented) && found == null) {
                found = entry.name();
            }
        }
        return Optional.ofNullable(found);
    }

    public int size() {
        return entries.size();
    }

    record Entry(String name, byte[] digest) {
    }
}
