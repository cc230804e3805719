package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;

/**
 * The large arrays a window keeps from forward for backward ((T·N, G·H) gates, cells), lent by slot, and
 * the packed W_hh its steps multiply by. A set used by one window is simply its own arrays. A set shared
 * by the windows of a model's layers holds one layer's activations instead of L: each forward takes the
 * arrays over, and a window that finds them taken by a later forward recomputes its activations from the
 * outputs it kept before its backward (design decision 15). Likewise one packed W_hh serves every layer:
 * each packs its own into it before the products that read it.
 */
public final class ActivationBlocks {

    private float[][] arrays = new float[0][];
    private Object holder;
    private PackedMatrix stepWeights;

    /** Makes slot {@code slot} at least {@code size} floats long; windows call this when they are made. */
    public void reserve(int slot, int size) {
        if (slot >= arrays.length) {
            float[][] grown = new float[slot + 1][];
            System.arraycopy(arrays, 0, grown, 0, arrays.length);
            arrays = grown;
        }
        if (arrays[slot] == null || arrays[slot].length < size) {
            arrays[slot] = new float[size];
        }
    }

    /**
     * Makes the packed W_hh this set lends a (rows, columns) matrix of {@code kernels}
     * ({@link Kernels#packedRowsMatrix}); windows call this when they are made.
     */
    public void reserveStepWeights(Kernels kernels, int rows, int columns) {
        if (stepWeights == null || stepWeights.rows() != rows || stepWeights.columns() != columns) {
            stepWeights = kernels.packedRowsMatrix(rows, columns);
        }
    }

    /** The packed W_hh this set lends; its values are whatever the last window packed into it. */
    public PackedMatrix stepWeights() {
        return stepWeights;
    }

    /** The array of a slot. Not to be kept across calls: a later {@link #reserve} may replace it. */
    public float[] get(int slot) {
        return arrays[slot];
    }

    /** {@code window} is about to fill the arrays. */
    public void hold(Object window) {
        holder = window;
    }

    /** Whether the arrays still hold what {@code window}'s last forward left. */
    public boolean heldBy(Object window) {
        return holder == window;
    }
}
