package dev.switchboard.samples.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HashingEmbedderTest {

    private final HashingEmbedder embedder = new HashingEmbedder(256);

    @Test
    void sameTextSameVectorAcrossInstances() {
        assertThat(new HashingEmbedder(256).embed("Message queues, at least once!"))
                .containsExactly(embedder.embed("message QUEUES at-least once"));
    }

    @Test
    void vectorsAreUnitLengthAndEmptyTextIsZero() {
        float[] vector = embedder.embed("circuit breaker opens after failures");
        assertThat(HashingEmbedder.cosine(vector, vector)).isCloseTo(1.0, within(1e-6));
        float[] empty = embedder.embed("the of and !!!");
        assertThat(HashingEmbedder.cosine(empty, empty)).isZero();
    }

    @Test
    void sharedWordsScoreHigherThanUnrelatedText() {
        float[] query = embedder.embed("vector search");
        double related = HashingEmbedder.cosine(query, embedder.embed("fast vector search with HNSW"));
        double unrelated = HashingEmbedder.cosine(query, embedder.embed("quarterly revenue grew in Europe"));
        assertThat(related).isGreaterThan(0.4).isGreaterThan(unrelated + 0.3);
    }

    @Test
    void tokensDropStopWordsAndPunctuation() {
        assertThat(HashingEmbedder.tokens("The Median, of 3 values—is robust.")).isEqualTo(List.of("median", "3", "values", "robust"));
    }

    @Test
    void corpusReturnsTopKBestFirst() {
        Corpus corpus = new Corpus(embedder, 10);
        corpus.addAll(List.of("apples and pears", "pears", "bananas", "apples"));
        var matches = corpus.search(embedder.embed("apples"), 2);
        assertThat(matches).extracting(Corpus.Match::id).containsExactly("doc-0004", "doc-0001");
    }
}
