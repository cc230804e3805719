package org.rnn4j.embed;

/**
 * How near a vector x is to a query q, from their dot product and squared norms, so that one pass of dot
 * products over the embedding serves every metric.
 */
public enum Metric {

    /** q·x / (|q| |x|), in [−1, 1]; higher is nearer; 0 when either vector is zero. */
    COSINE("cosine similarity") {
        @Override
        double score(double dot, double querySquaredNorm, double rowSquaredNorm) {
            double norms = Math.sqrt(querySquaredNorm * rowSquaredNorm);
            return norms == 0 ? 0 : dot / norms;
        }

        @Override
        boolean nearer(double score, double than) {
            return score > than;
        }
    },

    /** |q − x| = √(|q|² − 2 q·x + |x|²) on the raw vectors; lower is nearer. */
    EUCLIDEAN("Euclidean distance") {
        @Override
        double score(double dot, double querySquaredNorm, double rowSquaredNorm) {
            return Math.sqrt(Math.max(0, querySquaredNorm - 2 * dot + rowSquaredNorm)); // max: rounding may dip below 0
        }

        @Override
        boolean nearer(double score, double than) {
            return score < than;
        }
    };

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    /** What the score is, for people: "cosine similarity". */
    public String label() {
        return label;
    }

    abstract double score(double dot, double querySquaredNorm, double rowSquaredNorm);

    /** True when {@code score} ranks strictly before {@code than}. */
    abstract boolean nearer(double score, double than);
}
