package org.rnn4j.demo;

import java.util.Arrays;
import org.rnn4j.InvalidInputException;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.random.Rng;

/**
 * Parity of n-bit vectors as sequence labelling: every vector v in [0, 2ⁿ) is a sequence of n steps whose
 * input at step t is bit t of v (least significant first), token 0 or 1, and whose label at step t is the
 * parity of bits 0…t, x_0 ⊕ … ⊕ x_t; the last step's label is the parity of the whole vector. A seeded
 * shuffle holds a quarter of the vectors out; the rest are for training. Both sets list their vectors in
 * increasing order.
 *
 * <p>Legend: n bits per vector (the sequences' T), S sequences of a set, V input tokens, C labels.
 */
public final class ParityTask {

    /** The smallest n: two vectors to train on and one held out. */
    public static final int MIN_BITS = 2;
    /** The largest n: 65,536 vectors. */
    public static final int MAX_BITS = 16;
    /** V: the input tokens 0 and 1. */
    public static final int TOKENS = 2;
    /** C: the labels 0 (even) and 1 (odd). */
    public static final int CLASSES = 2;
    /** Held out: 1 of every this many vectors. */
    static final int HELD_OUT_EVERY = 4;

    private final int bits;
    private final LabelledSequences train;
    private final LabelledSequences heldOut;

    /** Splits the 2ⁿ vectors of {@code bits} bits ({@value #MIN_BITS} to {@value #MAX_BITS}) by {@code seed}. */
    public ParityTask(int bits, long seed) {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new InvalidInputException("parity needs " + MIN_BITS + " to " + MAX_BITS + " bits, got " + bits);
        }
        this.bits = bits;
        int[] vectors = new int[1 << bits];
        Arrays.setAll(vectors, v -> v);
        Rng rng = new Rng(seed);
        for (int i = vectors.length - 1; i > 0; i--) { // Fisher–Yates
            int j = (int) (rng.nextDouble() * (i + 1));
            int swap = vectors[i];
            vectors[i] = vectors[j];
            vectors[j] = swap;
        }
        int held = vectors.length / HELD_OUT_EVERY;
        heldOut = sequences(Arrays.copyOfRange(vectors, 0, held));
        train = sequences(Arrays.copyOfRange(vectors, held, vectors.length));
    }

    /** n. */
    public int bits() {
        return bits;
    }

    /** Three quarters of the vectors. */
    public LabelledSequences train() {
        return train;
    }

    /** The other quarter. */
    public LabelledSequences heldOut() {
        return heldOut;
    }

    /** The sequences of {@code vectors}, sorted. */
    private LabelledSequences sequences(int[] vectors) {
        Arrays.sort(vectors);
        int[][] inputs = new int[vectors.length][bits];   // (S, n)
        int[][] labels = new int[vectors.length][bits];   // (S, n)
        for (int s = 0; s < vectors.length; s++) {
            int parity = 0;
            for (int t = 0; t < bits; t++) {
                inputs[s][t] = vectors[s] >>> t & 1;
                parity ^= inputs[s][t];
                labels[s][t] = parity;
            }
        }
        return LabelledSequences.ofSteps(inputs, labels);
    }
}
