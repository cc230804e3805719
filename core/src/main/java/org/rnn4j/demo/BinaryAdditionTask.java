package org.rnn4j.demo;

import java.util.LinkedHashSet;
import java.util.Set;
import org.rnn4j.InvalidInputException;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.random.Rng;

/**
 * Binary addition as sequence labelling: a pair (a, b) of n-bit numbers is a sequence of n + 1 steps. Step
 * i &lt; n reads the token 2·a_i + b_i of bit i of each number, least significant first; step n reads token 0
 * (both bits 0) so that the last carry comes out. The label of step i is bit i of a + b, so the labels read
 * backwards are the sum in binary.
 *
 * <p>The training pairs have one width and the held-out pairs another (or the same); each set's pairs are
 * distinct and drawn uniformly by the seed, and no held-out pair is a training pair, as numbers, so even
 * held-out pairs of the training width are new.
 *
 * <p>Legend: n bits per number, so sequences of T = n + 1 steps; S sequences of a set, V input tokens, C labels.
 */
public final class BinaryAdditionTask {

    /** The widest n: a + b still fits in an int. */
    public static final int MAX_BITS = 30;
    /** The most pairs a set may have. */
    public static final int MAX_PAIRS = 1 << 20;
    /** V: the inputs 0…3, (a_i, b_i) = (0, 0), (0, 1), (1, 0), (1, 1). */
    public static final int TOKENS = 4;
    /** C: the sum bits 0 and 1. */
    public static final int CLASSES = 2;

    private final LabelledSequences train;
    private final LabelledSequences heldOut;

    /** How many pairs of how many bits to train on and to hold out, and the seed of the draws. */
    public record Setup(int trainBits, int trainPairs, int heldOutBits, int heldOutPairs, long seed) {

        public Setup {
            requireBits("training", trainBits);
            requireBits("held-out", heldOutBits);
            requirePairs("training", trainPairs, trainBits);
            requirePairs("held-out", heldOutPairs, heldOutBits);
        }

        /** Train on 1,000 pairs of 8-bit numbers, test on 1,000 pairs of 16-bit numbers: lengths never seen in training. */
        public static Setup lengthGeneralization(long seed) {
            return new Setup(8, 1000, 16, 1000, seed);
        }

        private static void requireBits(String set, int bits) {
            if (bits < 1 || bits > MAX_BITS) {
                throw new InvalidInputException("the " + set + " numbers need 1 to " + MAX_BITS + " bits, got " + bits);
            }
        }

        private static void requirePairs(String set, int pairs, int bits) {
            long possible = 1L << 2 * bits;
            if (pairs < 1 || pairs > MAX_PAIRS || pairs > possible) {
                throw new InvalidInputException("the " + set + " set needs 1 to " + Math.min(MAX_PAIRS, possible)
                        + " pairs of " + bits + "-bit numbers, got " + pairs);
            }
        }
    }

    /** Draws the training pairs, then held-out pairs that are not among them. */
    public BinaryAdditionTask(Setup setup) {
        Rng rng = new Rng(setup.seed());
        Set<Long> trained = draw(rng, setup.trainBits(), setup.trainPairs(), Set.of());
        long excluded = trained.stream().filter(pair -> Math.max(a(pair), b(pair)) >>> setup.heldOutBits() == 0).count();
        long left = (1L << 2 * setup.heldOutBits()) - excluded;
        if (setup.heldOutPairs() > left) {
            throw new InvalidInputException("only " + left + " pairs of " + setup.heldOutBits() + "-bit numbers are not training pairs, but "
                    + setup.heldOutPairs() + " are to be held out; hold out fewer or train on fewer");
        }
        train = sequences(trained, setup.trainBits());
        heldOut = sequences(draw(rng, setup.heldOutBits(), setup.heldOutPairs(), trained), setup.heldOutBits());
    }

    public LabelledSequences train() {
        return train;
    }

    public LabelledSequences heldOut() {
        return heldOut;
    }

    /** The n + 1 input tokens of (a, b): 2·a_i + b_i for i &lt; n, then 0. */
    public static int[] inputs(long a, long b, int bits) {
        int[] tokens = new int[bits + 1];
        for (int i = 0; i < bits; i++) {
            tokens[i] = (int) (2 * (a >>> i & 1) + (b >>> i & 1));
        }
        return tokens;
    }

    /** The n + 1 labels of (a, b): bit i of a + b for i = 0…n. */
    public static int[] labels(long a, long b, int bits) {
        long sum = a + b;
        int[] labels = new int[bits + 1];
        for (int i = 0; i <= bits; i++) {
            labels[i] = (int) (sum >>> i & 1);
        }
        return labels;
    }

    /** {@code count} distinct pairs a·2^{@value #MAX_BITS} + b of n-bit numbers, none in {@code excluded}, in the order drawn. */
    private static Set<Long> draw(Rng rng, int bits, int count, Set<Long> excluded) {
        Set<Long> pairs = new LinkedHashSet<>();
        while (pairs.size() < count) {
            long a = rng.nextLong() >>> Long.SIZE - bits;
            long b = rng.nextLong() >>> Long.SIZE - bits;
            long pair = a << MAX_BITS | b;
            if (!excluded.contains(pair)) {
                pairs.add(pair);
            }
        }
        return pairs;
    }

    private static long a(long pair) {
        return pair >>> MAX_BITS;
    }

    private static long b(long pair) {
        return pair & (1L << MAX_BITS) - 1;
    }

    private static LabelledSequences sequences(Set<Long> pairs, int bits) {
        int[][] inputs = new int[pairs.size()][];  // (S, n + 1)
        int[][] labels = new int[pairs.size()][];  // (S, n + 1)
        int s = 0;
        for (long pair : pairs) {
            inputs[s] = inputs(a(pair), b(pair), bits);
            labels[s] = labels(a(pair), b(pair), bits);
            s++;
        }
        return LabelledSequences.ofSteps(inputs, labels);
    }
}
