package dev.switchboard.samples.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.Resource;

/** Reads the seeded corpus: one document per line, skipping blank lines and {@code #} comments. */
final class SeedDocuments {

    private SeedDocuments() {
    }

    static List<String> read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the seed documents from " + resource, ex);
        }
    }
}
