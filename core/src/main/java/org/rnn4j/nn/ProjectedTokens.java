package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;

/**
 * Token ids (R) whose input projection was computed once for the whole vocabulary: row v of
 * {@code table} (V, G·H) is E[v]·W_ihᵀ for the embedding E and the layer's input weights. A projection
 * is then a row copy instead of a product, which is what sampling one token at a time wants. The table
 * stands for the weights it was made from, so this input is for inference only: no gradients.
 */
public record ProjectedTokens(int[] tokens, int width, float[] table) implements LayerInput {

    @Override
    public void addProjection(Kernels kernels, int rows, float[] weights, int weightOffset, int outWidth, float[] out) {
        for (int r = 0; r < rows; r++) {
            int from = tokens[r] * outWidth;
            int to = r * outWidth;
            for (int j = 0; j < outWidth; j++) {
                out[to + j] += table[from + j];
            }
        }
    }

    @Override
    public void addWeightGradient(Kernels kernels, int rows, float[] dOut, int outWidth, float[] dWeights,
                                  int dWeightOffset) {
        throw new UnsupportedOperationException("projected tokens are for inference only");
    }

    @Override
    public void backpropagate(Kernels kernels, int rows, float[] dOut, int outWidth, float[] weights, int weightOffset) {
        throw new UnsupportedOperationException("projected tokens are for inference only");
    }
}
