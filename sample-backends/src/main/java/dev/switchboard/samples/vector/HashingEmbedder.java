package dev.switchboard.samples.vector;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A deterministic text embedder by feature hashing ("the hashing trick"): each token and each pair of adjacent
 * tokens is hashed to one of {@code dimensions} buckets with a hash-derived sign, and the counts are
 * L2-normalised so that a dot product is the cosine similarity. No model, no training, the same vector for the
 * same text on every machine, which is what a stand-in for a real embedding service needs.
 */
public final class HashingEmbedder {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** Words that would otherwise make every English sentence look alike. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "be", "by", "for",
            "from", "how", "in", "is", "it", "its", "of", "on", "or", "that", "the", "this", "to", "was", "what",
            "when", "which", "with");
    /** Adjacent pairs count half a word: they sharpen phrases without drowning single-word matches. */
    private static final float BIGRAM_WEIGHT = 0.5f;

    private final int dimensions;

    public HashingEmbedder(int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be positive, was " + dimensions);
        }
        this.dimensions = dimensions;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The unit-length embedding of {@code text}, or all zeros when the text has no words. */
    public float[] embed(String text) {
        float[] vector = new float[dimensions];
        List<String> tokens = tokens(text);
        for (int i = 0; i < tokens.size(); i++) {
            add(vector, tokens.get(i), 1f);
            if (i > 0) {
                add(vector, tokens.get(i - 1) + ' ' + tokens.get(i), BIGRAM_WEIGHT);
            }
        }
        normalise(vector);
        return vector;
    }

    /** Lower-cased words and numbers of {@code text}, without stop words. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String token : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty() && !STOP_WORDS.contains(token)) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private void add(float[] vector, String feature, float weight) {
        long hash = fnv1a64(feature);
        int bucket = (int) Long.remainderUnsigned(hash >>> 1, dimensions);
        vector[bucket] += (hash & 1L) == 0 ? weight : -weight;
    }

    private static void normalise(float[] vector) {
        double sumOfSquares = 0;
        for (float value : vector) {
            sumOfSquares += value * value;
        }
        if (sumOfSquares == 0) {
            return;
        }
        float norm = (float) Math.sqrt(sumOfSquares);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
    }

    /** FNV-1a: tiny, fast, well spread over short strings, and stable across JVMs (unlike String.hashCode seeds). */
    private static long fnv1a64(String feature) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : feature.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Dot product; the cosine similarity of two unit vectors. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
