package org.rnn4j.nn;

import org.rnn4j.random.Rng;

/**
 * Inverted dropout over a (R, W) block: y = x⊙m with m = 0 (probability p) or 1/(1−p); backward
 * dx = dy⊙m. Keeps its mask between forward and backward.
 */
public final class Dropout {

    private final float probability;
    private final float[] mask; // (R, W) 0 or 1/(1−p)

    public Dropout(float probability, int size) {
        this.probability = probability;
        this.mask = new float[size];
    }

    /** y = x⊙m with a fresh mask drawn from {@code rng}. */
    public void forward(float[] x, int xOffset, float[] y, int size, Rng rng) {
        float keep = 1f / (1f - probability);
        for (int i = 0; i < size; i++) {
            mask[i] = rng.nextFloat() < probability ? 0f : keep;
            y[i] = x[xOffset + i] * mask[i];
        }
    }

    /** d = d⊙m in place. */
    public void backward(float[] d, int size) {
        for (int i = 0; i < size; i++) {
            d[i] *= mask[i];
        }
    }
}
