package org.rnn4j.data;

import java.util.Arrays;
import org.rnn4j.random.Rng;

/**
 * Items of varying length grouped into windows of up to N rows so that similar lengths share a window (they
 * are sorted by length, stably, and cut into groups of N), and the order in which a pass visits the windows:
 * shuffled per pass, fixed by the seed and the pass, or in sorted order when there is no seed.
 */
final class LengthWindows {

    private final int[][] windowItems; // per window: its items, at most N
    private final Long seed;           // null: every pass visits the windows in order
    private final int[] order;         // the windows in the order pass orderPass visits them
    private int orderPass = -1;

    /** {@code lengths[i]} is item i's length; {@code seed} null keeps the windows in order. */
    LengthWindows(int[] lengths, int rows, Long seed) {
        long[] byLength = new long[lengths.length]; // length in the high half, item in the low: sorted, a stable sort by length
        Arrays.setAll(byLength, i -> (long) lengths[i] << 32 | i);
        Arrays.sort(byLength);
        this.windowItems = new int[(lengths.length + rows - 1) / rows][];
        for (int w = 0; w < windowItems.length; w++) {
            windowItems[w] = new int[Math.min(rows, lengths.length - w * rows)];
            for (int n = 0; n < windowItems[w].length; n++) {
                windowItems[w][n] = (int) byLength[w * rows + n];
            }
        }
        this.seed = seed;
        this.order = new int[windowItems.length];
    }

    int windows() {
        return windowItems.length;
    }

    /** The items of the window that pass {@code pass} visits {@code window}-th. */
    int[] items(int pass, int window) {
        return windowItems[shuffled(pass, window)];
    }

    /** The window the pass visits {@code window}-th: a Fisher–Yates permutation drawn from the seed and the pass. */
    private int shuffled(int pass, int window) {
        if (seed == null) {
            return window;
        }
        if (pass != orderPass) {
            Arrays.setAll(order, w -> w);
            Rng rng = new Rng(seed * 31 + pass);
            for (int i = order.length - 1; i > 0; i--) {
                int j = (int) (rng.nextDouble() * (i + 1));
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            orderPass = pass;
        }
        return order[window];
    }
}
