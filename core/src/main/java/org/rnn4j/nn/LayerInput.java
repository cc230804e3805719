package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;

/**
 * What a recurrent layer reads over a window of R = T·N rows: a dense (R, D) block, token ids that
 * stand for one-hot vectors of size V, or token ids whose projection is a table lookup. Layers see only
 * these three products, so they need not know which input they have. Backward calls
 * {@link #addWeightGradient} and then {@link #backpropagate} with the same dOut.
 */
public interface LayerInput {

    /** D: the width of one input row. */
    int width();

    /** out (R, G·H) += x·Wᵀ for W (G·H, D) at {@code weightOffset}. */
    void addProjection(Kernels kernels, int rows, float[] weights, int weightOffset, int outWidth, float[] out);

    /** dW (G·H, D) += dOutᵀ·x. */
    void addWeightGradient(Kernels kernels, int rows, float[] dOut, int outWidth, float[] dWeights, int dWeightOffset);

    /** dx (R, D) = dOut·W, written into this input's gradient buffer (nothing for one-hot input). */
    void backpropagate(Kernels kernels, int rows, float[] dOut, int outWidth, float[] weights, int weightOffset);
}
