package dev.switchboard.samples.vector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The in-memory document collection with its embeddings. Reads (searches) vastly outnumber writes (adds), so
 * a copy-on-write list lets searches run without locks; adds are serialised to keep ids and the size limit exact.
 */
public final class Corpus {

    private final HashingEmbedder embedder;
    private final int maxDocuments;
    private final List<Document> documents = new CopyOnWriteArrayList<>();

    public Corpus(HashingEmbedder embedder, int maxDocuments) {
        this.embedder = embedder;
        this.maxDocuments = maxDocuments;
    }

    /** Adds the texts as new documents, all or none; returns them with their ids. */
    public synchronized List<Document> addAll(List<String> texts) {
        if (documents.size() + texts.size() > maxDocuments) {
            throw new CorpusFullException(documents.size(), texts.size(), maxDocuments);
        }
        List<Document> added = new ArrayList<>(texts.size());
        for (String text : texts) {
            added.add(new Document("doc-%04d".formatted(documents.size() + added.size() + 1), text, embedder.embed(text)));
        }
        documents.addAll(added);
        return added;
    }

    /** The {@code k} documents most similar to {@code query}, best first; ties keep corpus order. */
    public List<Match> search(float[] query, int k) {
        Comparator<Match> worstFirst = Comparator.comparingDouble(Match::score)
                .thenComparing(Match::id, Comparator.reverseOrder());
        PriorityQueue<Match> best = new PriorityQueue<>(k + 1, worstFirst);
        for (Document document : documents) {
            best.add(new Match(document.id(), document.text(), HashingEmbedder.cosine(query, document.vector())));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<Match> ranked = new ArrayList<>(best);
        ranked.sort(worstFirst.reversed());
        return ranked;
    }

    public int size() {
        return documents.size();
    }

    public int maxDocuments() {
        return maxDocuments;
    }

    /** A stored document; ids are {@code doc-0001}, {@code doc-0002}, … in insertion order. */
    public record Document(String id, String text, float[] vector) {
    }

    /** A search hit with its cosine similarity to the query (1 = same direction, 0 = unrelated). */
    public record Match(String id, String text, double score) {
    }

    /** Adding would take the corpus past its configured size. */
    public static final class CorpusFullException extends RuntimeException {

        CorpusFullException(int size, int adding, int max) {
            super("The corpus holds %d of at most %d documents and cannot take %d more".formatted(size, max, adding));
        }
    }
}
