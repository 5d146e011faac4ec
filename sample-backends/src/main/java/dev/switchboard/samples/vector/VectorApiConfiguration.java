package dev.switchboard.samples.vector;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The vector-api role's beans, created only when its profile is active (its controller carries the same profile). */
@Configuration(proxyBeanMethods = false)
@Profile("vector-api")
@EnableConfigurationProperties(VectorProperties.class)
class VectorApiConfiguration {

    @Bean
    VectorSearchService vectorSearchService(VectorProperties properties, MeterRegistry meters) {
        HashingEmbedder embedder = new HashingEmbedder(properties.dimensions());
        Corpus corpus = new Corpus(embedder, properties.maxDocuments());
        corpus.addAll(SeedDocuments.read(properties.seed()));
        Gauge.builder("switchboard.vector.documents", corpus, Corpus::size)
                .description("Documents in the in-memory corpus").register(meters);
        return new VectorSearchService(embedder, corpus);
    }
}
