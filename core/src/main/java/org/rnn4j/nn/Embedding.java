package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Transpose;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * Token embedding: x[r] = E[token[r]] for E (V, D); backward adds dx[r] into row token[r] of dE. The
 * embedding can also be multiplied into the first layer's input weights ahead of time, giving the
 * (V, G·H) table that {@link ProjectedTokens} looks rows up in.
 */
public final class Embedding {

    private final Parameters parameters;
    private final Tensor weight; // (V, D)
    private final int width;

    public Embedding(Parameters parameters, Tensor weight) {
        this.parameters = parameters;
        this.weight = weight;
        this.width = weight.cols();
    }

    public int width() {
        return width;
    }

    /** V. */
    public int vocabularySize() {
        return weight.rows();
    }

    /** x (R, D) = rows of E picked by the R tokens. */
    public void forward(int[] tokens, int rows, float[] x) {
        float[] w = parameters.values();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(w, weight.offset() + tokens[r] * width, x, r * width, width);
        }
    }

    /** dE[token[r]] += dx[r] for each of the R rows. */
    public void backward(int[] tokens, int rows, float[] dx) {
        backward(tokens, rows, dx, 0, width);
    }

    /** dE[token[r]] += d[r, dOffset..dOffset+E) for each of the R rows of d (R, dWidth). */
    public void backward(int[] tokens, int rows, float[] d, int dOffset, int dWidth) {
        float[] g = parameters.gradients();
        for (int r = 0; r < rows; r++) {
            int row = weight.offset() + tokens[r] * width;
            for (int j = 0; j < width; j++) {
                g[row + j] += d[dOffset + r * dWidth + j];
            }
        }
    }

    /** out[r, outOffset..outOffset+E) += E[token[r]] for the R rows of out (R, outWidth). */
    public void addRows(int[] tokens, int rows, float[] out, int outOffset, int outWidth) {
        float[] w = parameters.values();
        for (int r = 0; r < rows; r++) {
            int row = weight.offset() + tokens[r] * width;
            for (int j = 0; j < width; j++) {
                out[outOffset + r * outWidth + j] += w[row + j];
            }
        }
    }

    /** table (V, G·H) = E·Wᵀ for input weights W (G·H, D) at {@code weightOffset} in the parameters. */
    public void project(Kernels kernels, int weightOffset, int gateWidth, float[] table) {
        float[] w = parameters.values();
        kernels.gemm(Transpose.NO_TRANS, Transpose.TRANS, vocabularySize(), gateWidth, width, 1f,
                w, weight.offset(), width, w, weightOffset, width, 0f, table, 0, gateWidth);
    }

    /** dW (G·H, D) += dTableᵀ·E: the input weights' share of the table's gradient dTable (V, G·H). */
    public void addProjectionWeightGradient(Kernels kernels, float[] dTable, int gateWidth, float[] dWeights, int dWeightOffset) {
        kernels.gemm(Transpose.TRANS, Transpose.NO_TRANS, gateWidth, width, vocabularySize(), 1f,
                dTable, 0, gateWidth, parameters.values(), weight.offset(), width, 1f, dWeights, dWeightOffset, width);
    }

    /** dE (V, D) += dTable·W: the embedding's share of the table's gradient, for W (G·H, D). */
    public void backwardThroughProjection(Kernels kernels, float[] dTable, int gateWidth, float[] weights, int weightOffset) {
        kernels.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, vocabularySize(), width, gateWidth, 1f,
                dTable, 0, gateWidth, weights, weightOffset, width, 1f, parameters.gradients(), weight.offset(), width);
    }
}
