package org.rnn4j.head.classifier;

/** How a classifier sums a row's top outputs h_0 … h_{len−1} (H each) up into one vector (H). */
public enum Pooling {
    /** h_{len−1}: the final state of the top layer. */
    LAST("last"),
    /** (1 / len) Σ_t h_t. */
    MEAN("mean"),
    /** max_t h_t, element by element. */
    MAX("max");

    private final String id;

    Pooling(String id) {
        this.id = id;
    }

    /** The name on the command line and in checkpoints. */
    public String id() {
        return id;
    }

    /** The pooling with that id; throws with the list of choices otherwise. */
    public static Pooling fromId(String id) {
        for (Pooling pooling : values()) {
            if (pooling.id.equals(id)) {
                return pooling;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + id + "': choose one of last, mean, max");
    }
}
