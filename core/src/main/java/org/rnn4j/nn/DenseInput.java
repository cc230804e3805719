package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Transpose;

/**
 * A dense input block x (R, D) at {@code offset} in {@code values}, with the buffer {@code gradients}
 * (R, D) that receives dL/dx.
 */
public record DenseInput(float[] values, int offset, int width, float[] gradients) implements LayerInput {

    @Override
    public void addProjection(Kernels kernels, int rows, float[] weights, int weightOffset, int outWidth, float[] out) {
        kernels.gemm(Transpose.NO_TRANS, Transpose.TRANS, rows, outWidth, width, 1f,
                values, offset, width, weights, weightOffset, width, 1f, out, 0, outWidth);
    }

    @Override
    public void addWeightGradient(Kernels kernels, int rows, float[] dOut, int outWidth,
                                  float[] dWeights, int dWeightOffset) {
        kernels.gemm(Transpose.TRANS, Transpose.NO_TRANS, outWidth, width, rows, 1f,
                dOut, 0, outWidth, values, offset, width, 1f, dWeights, dWeightOffset, width);
    }

    @Override
    public void backpropagate(Kernels kernels, int rows, float[] dOut, int outWidth, float[] weights, int weightOffset) {
        kernels.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, rows, width, outWidth, 1f,
                dOut, 0, outWidth, weights, weightOffset, width, 0f, gradients, 0, width);
    }

    @Override
    public void addRows(int rows, float[] out, int outOffset, int outWidth) {
        addRows(values, offset, width, rows, out, outOffset, outWidth);
    }

    @Override
    public void addRowGradient(int rows, float[] d, int dOffset, int dWidth) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                gradients[r * width + j] += d[dOffset + r * dWidth + j];
            }
        }
    }

    /** out[r, outOffset..outOffset+D) += x[r] for the R rows of x (R, D) at {@code offset} and out (R, outWidth). */
    static void addRows(float[] x, int offset, int width, int rows, float[] out, int outOffset, int outWidth) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                out[outOffset + r * outWidth + j] += x[offset + r * width + j];
            }
        }
    }
}
