package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;

/**
 * Token ids (R) read as one-hot vectors of size V: x·Wᵀ picks column {@code token} of W, and the weight
 * gradient adds dOut into that column. No input gradient: tokens are not trained.
 */
public record OneHotInput(int[] tokens, int width) implements LayerInput {

    @Override
    public void addProjection(Kernels kernels, int rows, float[] weights, int weightOffset, int outWidth, float[] out) {
        for (int r = 0; r < rows; r++) {
            int column = weightOffset + tokens[r];
            int row = r * outWidth;
            for (int j = 0; j < outWidth; j++) {
                out[row + j] += weights[column + j * width];
            }
        }
    }

    @Override
    public void addWeightGradient(Kernels kernels, int rows, float[] dOut, int outWidth,
                                  float[] dWeights, int dWeightOffset) {
        for (int r = 0; r < rows; r++) {
            int column = dWeightOffset + tokens[r];
            int row = r * outWidth;
            for (int j = 0; j < outWidth; j++) {
                dWeights[column + j * width] += dOut[row + j];
            }
        }
    }

    @Override
    public void backpropagate(Kernels kernels, int rows, float[] dOut, int outWidth, float[] weights, int weightOffset) {
        // tokens have no gradient
    }

    /** The one-hot row of each token: 1 at column {@code token}. */
    @Override
    public void addRows(int rows, float[] out, int outOffset, int outWidth) {
        for (int r = 0; r < rows; r++) {
            out[outOffset + r * outWidth + tokens[r]] += 1f;
        }
    }

    @Override
    public void addRowGradient(int rows, float[] d, int dOffset, int dWidth) {
        // tokens have no gradient
    }
}
