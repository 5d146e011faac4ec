package dev.switchboard.samples.vector;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the vector-api stand-in.
 *
 * @param dimensions length of every embedding (feature-hashing buckets); more buckets, fewer collisions
 * @param maxDocuments corpus size limit; adding beyond it is refused with 409 so memory stays bounded
 * @param maxK largest {@code k} a search may ask for
 * @param maxTextLength longest query or document text accepted, in characters
 * @param maxBatch most texts one {@code POST /api/v1/embed} may carry
 * @param seed the documents loaded at start-up, one per line
 */
@Validated
@ConfigurationProperties("switchboard.sample.vector")
public record VectorProperties(
        @DefaultValue("512") @Min(16) @Max(65536) int dimensions,
        @DefaultValue("10000") @Min(1) int maxDocuments,
        @DefaultValue("50") @Min(1) int maxK,
        @DefaultValue("2000") @Min(1) int maxTextLength,
        @DefaultValue("64") @Min(1) int maxBatch,
        @DefaultValue("classpath:vector/seed-documents.txt") Resource seed) {
}
