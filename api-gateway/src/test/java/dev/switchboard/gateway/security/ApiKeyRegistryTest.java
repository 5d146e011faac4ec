package dev.switchboard.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyRegistryTest {

    private static final String KEY = "k-1";

    @Test
    void findsTheNameOfAConfiguredKeyFromBothForms() {
        ApiKeyRegistry registry = ApiKeyRegistry.from(properties(
                List.of(new EdgeAuthProperties.ApiKey("reporting", Sha256Digests.hexOf(KEY))),
                List.of("etl:" + Sha256Digests.hexOf("k-2").toUpperCase(), " ")));

        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.nameOf(KEY)).hasValue("reporting");
        assertThat(registry.nameOf("k-2")).hasValue("etl");
        assertThat(registry.nameOf("k-3")).isEmpty();
    }

    @Test
    void rejectsAKeyConfiguredInClearOrWithoutName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeyRegistry.from(properties(List.of(new EdgeAuthProperties.ApiKey("a", KEY)), List.of())))
                .withMessageContaining("api-keys[0].sha256").withMessageNotContaining(KEY);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ApiKeyRegistry.from(properties(List.of(), List.of(":" + Sha256Digests.hexOf(KEY)))))
                .withMessageContaining("name:sha256");
    }

    @Test
    void readsKeysFromAFileSkippingCommentsAndBlankLines(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("api-keys"),
                "# mounted secret\n\nreporting:" + Sha256Digests.hexOf(KEY) + "\n  etl : " + Sha256Digests.hexOf("k-2") + "\n");

        ApiKeyRegistry registry = ApiKeyRegistry.from(new EdgeAuthProperties(List.of(), List.of(), file, List.of(), AccessPolicy.PUBLIC));

        assertThat(registry.size()).isEqualTo(2);
        assertThat(registry.nameOf("k-2")).hasValue("etl");
    }

    @Test
    void aMissingKeyFileStopsTheStartWithItsName(@TempDir Path directory) {
        Path missing = directory.resolve("absent");

        assertThatExceptionOfType(UncheckedIOException.class)
                .isThrownBy(() -> ApiKeyRegistry.from(new EdgeAuthProperties(List.of(), List.of(), missing, List.of(), AccessPolicy.PUBLIC)))
                .withMessageContaining(missing.toString());
    }

    @Test
    void adminDigestsIgnoreBlanks() {
        assertThat(ApiKeyRegistry.ofAdminDigests(List.of("")).isEmpty()).isTrue();
        assertThat(ApiKeyRegistry.ofAdminDigests(List.of(Sha256Digests.hexOf(KEY))).nameOf(KEY)).hasValue("admin");
    }

    private static EdgeAuthProperties properties(List<EdgeAuthProperties.ApiKey> keys, List<String> digests) {
        return new EdgeAuthProperties(keys, digests, null, List.of(), AccessPolicy.PUBLIC);
    }
}
