package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;

/**
 * What a recurrent layer reads over a window of R = T·N rows: a dense (R, D) block, token ids that
 * stand for one-hot vectors of size V, or token ids whose projection is a table lookup. Layers see only
 * these three products, and the rows x themselves for a cell that adds them to a sum of its own, so they
 * need not know which input they have. Backward calls {@link #addWeightGradient} and then
 * {@link #backpropagate} with the same dOut, and then {@link #addRowGradient} for the rows it read.
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

    /**
     * out[r, outOffset..outOffset+D) += x[r] for the R rows of out (R, outWidth): the input itself, for a cell
     * that adds it to a sum (MUT1's tanh(x), MUT2's x). One-hot input adds 1 at column {@code token}.
     */
    void addRows(int rows, float[] out, int outOffset, int outWidth);

    /**
     * dx (R, D) += d[r, dOffset..dOffset+D) for the R rows of d (R, dWidth): the share of dL/dx of the rows
     * {@link #addRows} gave. After {@link #backpropagate}, which writes dx (nothing for one-hot input).
     */
    void addRowGradient(int rows, float[] d, int dOffset, int dWidth);
}
