package org.rnn4j.model;

/**
 * How the first layer of a model with an embedding gets its input projection x·W_ihᵀ over a window of
 * T·N positions. Both give the same numbers up to float rounding; they differ in cost.
 */
public enum TokenProjection {
    /** Copy the T·N embedding rows, then one (T·N, E)·(E, G·H) product. */
    MULTIPLY,
    /**
     * Look rows up in the (V, G·H) table E·W_ihᵀ, recomputed for every window; gradients flow back
     * through the table. Cheaper while V is well below T·N. Not with dropout, which needs the embedding rows.
     */
    LOOK_UP,
    /** Look rows up in a table computed once from the parameters: forward only, for sampling. */
    SNAPSHOT
}
