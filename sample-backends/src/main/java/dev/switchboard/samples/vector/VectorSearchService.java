package dev.switchboard.samples.vector;

import dev.switchboard.samples.vector.Corpus.Match;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Searches and grows the corpus, and counts the queries it served for {@code /api/v1/stats}. */
public final class VectorSearchService {

    private final HashingEmbedder embedder;
    private final Corpus corpus;
    private final AtomicLong queriesServed = new AtomicLong();

    public VectorSearchService(HashingEmbedder embedder, Corpus corpus) {
        this.embedder = embedder;
        this.corpus = corpus;
    }

    /**
     * The {@code k} best matches for {@code query}.
     *
     * @throws IllegalArgumentException when the query has no searchable words (only punctuation or stop words)
     */
    public List<Match> search(String query, int k) {
        if (HashingEmbedder.tokens(query).isEmpty()) {
            throw new IllegalArgumentException("query has no searchable words (only punctuation or common words like 'the')");
        }
        List<Match> matches = corpus.search(embedder.embed(query), k);
        queriesServed.incrementAndGet();
        return matches;
    }

    public float[] embed(String text) {
        return embedder.embed(text);
    }

    public List<Corpus.Document> add(List<String> texts) {
        return corpus.addAll(texts);
    }

    public Stats stats() {
        return new Stats(corpus.size(), embedder.dimensions(), queriesServed.get(), corpus.maxDocuments());
    }

    /** Body of {@code GET /api/v1/stats}. */
    public record Stats(int documents, int dimensions, long queriesServed, int maxDocuments) {
    }
}
