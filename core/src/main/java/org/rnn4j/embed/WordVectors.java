package org.rnn4j.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.text.Vocabulary;

/**
 * A model's learned input vectors: row i of the (V, E) matrix {@code embedding.weight} is the vector of
 * vocabulary token i. The rows' squared norms are computed once, so a query q is one pass of dot products
 * q·x over the V rows, from which every {@link Metric} follows; no per-query copy of the matrix. The
 * special tokens of word models ({@code <unk>}, {@code <s>}, {@code </s>}) and the query words are never
 * answers. Immutable.
 */
public final class WordVectors {

    private final Vocabulary vocabulary;
    private final int dimension;            // E
    private final float[] vectors;          // (V, E)
    private final double[] squaredNorms;    // (V) |x_i|²
    private final int[] specialIds;         // ids of the special tokens this vocabulary has

    /** {@code vectors} is (V, E) row-major, row i belonging to token i of {@code vocabulary}; it is not copied. */
    public WordVectors(Vocabulary vocabulary, float[] vectors) {
        int v = vocabulary.size();
        if (vectors.length == 0 || vectors.length % v != 0) {
            throw new IllegalArgumentException(vectors.length + " values are not " + v + " rows of a positive dimension");
        }
        this.vocabulary = vocabulary;
        this.dimension = vectors.length / v;
        this.vectors = vectors;
        this.squaredNorms = new double[v];
        for (int i = 0; i < v; i++) {
            squaredNorms[i] = dot(vectors, i * dimension, vectors, i * dimension, dimension);
        }
        this.specialIds = IntStream.range(0, v).filter(id -> Vocabulary.isSpecial(vocabulary.token(id))).toArray();
    }

    /** The checkpoint's {@code embedding.weight} and vocabulary; a one-hot model has none to give. */
    public static WordVectors of(Checkpoint checkpoint) {
        SafeTensors.Entry embedding = checkpoint.tensors().get(ModelLayout.EMBEDDING);
        if (embedding == null) {
            throw new InvalidInputException(checkpoint.file() + " has no embedding: the model reads one-hot vectors (trained with"
                    + " --wordvec-size 0); train a model with --wordvec-size above 0 to learn word vectors");
        }
        return new WordVectors(checkpoint.vocabulary(), embedding.floats());
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** E, the length of every vector. */
    public int dimension() {
        return dimension;
    }

    /** A copy of token {@code id}'s vector (E). */
    public float[] vector(int id) {
        return Arrays.copyOfRange(vectors, id * dimension, (id + 1) * dimension);
    }

    /**
     * For each of {@code words}, the {@code count} tokens of highest cosine similarity to it, nearest first.
     * Every word is looked up before the first search, so one error names all the unknown ones.
     */
    public List<List<Neighbor>> neighbors(List<String> words, int count) {
        int[] ids = ids(words.toArray(String[]::new));
        List<List<Neighbor>> neighbors = new ArrayList<>(ids.length);
        for (int id : ids) {
            neighbors.add(nearest(vector(id), Metric.COSINE, count, new int[] {id}));
        }
        return neighbors;
    }

    /**
     * The {@code count} tokens nearest to x_a − x_b + x_c under {@code metric}, nearest first: "a is to b as
     * the answer is to c", so king − man + woman gives queen.
     */
    public List<Neighbor> analogy(String a, String b, String c, Metric metric, int count) {
        int[] ids = ids(a, b, c);
        float[] query = new float[dimension]; // (E)
        for (int e = 0; e < dimension; e++) {
            query[e] = vectors[ids[0] * dimension + e] - vectors[ids[1] * dimension + e] + vectors[ids[2] * dimension + e];
        }
        return nearest(query, metric, count, ids);
    }

    /** The ids of {@code words}; throws naming every word the vocabulary lacks, with its lower case when that is known. */
    private int[] ids(String... words) {
        int[] ids = new int[words.length];
        Set<String> unknown = new LinkedHashSet<>();
        for (int i = 0; i < words.length; i++) {
            ids[i] = vocabulary.id(words[i]);
            if (ids[i] < 0) {
                unknown.add(describeUnknown(words[i]));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " not in the vocabulary of " + vocabulary.size() + " tokens; words must match a token exactly");
        }
        return ids;
    }

    private String describeUnknown(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean suggest = !lower.equals(word) && vocabulary.contains(lower);
        return "'" + word + "'" + (suggest ? " (did you mean '" + lower + "'?)" : "");
    }

    /** Top-{@code count} rows by {@code metric} against {@code query} (E), skipping {@code excluded} ids and the special tokens. */
    private List<Neighbor> nearest(float[] query, Metric metric, int count, int[] excluded) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        double querySquaredNorm = dot(query, 0, query, 0, dimension);
        int limit = Math.min(count, vocabulary.size()); // a count beyond V allocates no more than V
        int[] best = new int[limit];                    // ids, nearest first
        double[] bestScores = new double[limit];
        int found = 0;
        for (int row = 0; row < vocabulary.size(); row++) {
            double score = metric.score(dot(query, 0, vectors, row * dimension, dimension), querySquaredNorm, squaredNorms[row]);
            if ((found < limit || metric.nearer(score, bestScores[found - 1])) && !contains(excluded, row) && !contains(specialIds, row)) {
                int at = Math.min(found, limit - 1);
                for (; at > 0 && metric.nearer(score, bestScores[at - 1]); at--) { // insertion: ties keep the lower id first
                    best[at] = best[at - 1];
                    bestScores[at] = bestScores[at - 1];
                }
                best[at] = row;
                bestScores[at] = score;
                found = Math.min(found + 1, limit);
            }
        }
        List<Neighbor> neighbors = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            neighbors.add(new Neighbor(vocabulary.token(best[i]), bestScores[i]));
        }
        return neighbors;
    }

    /** Σ_e a[aOffset + e]·b[bOffset + e] in double: float products are exact there, so |q|² − 2q·x + |x|² keeps its precision. */
    private static double dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        double sum = 0;
        for (int e = 0; e < length; e++) {
            sum += (double) a[aOffset + e] * b[bOffset + e];
        }
        return sum;
    }

    private static boolean contains(int[] ids, int id) {
        for (int candidate : ids) {
            if (candidate == id) {
                return true;
            }
        }
        return false;
    }
}
