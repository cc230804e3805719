package org.rnn4j.nn;

import java.util.Arrays;
import org.rnn4j.kernel.Kernels;

/**
 * Token ids (R) whose first-layer input projection is looked up instead of multiplied: row v of
 * {@code table} (V, G·H) is E[v]·W_ihᵀ for the embedding E and the layer's input weights W_ih, so a
 * window's projection is R row additions instead of an (R, D)·(D, G·H) product. The table costs V rows
 * of that product, so it pays while V is well below R: a character vocabulary against a window of
 * thousands of positions.
 *
 * <p>With a {@code tableGradient} (V, G·H) the input trains: every projection recomputes the table from
 * the current weights, and backward gathers dTable[v] = Σ dOut[r] over the rows r holding token v, then
 * passes it on as dW_ih += dTableᵀ·E and dE += dTable·W_ih. Without one, the table is a snapshot that
 * its owner refreshes when the parameters change, which is what sampling one token at a time wants.
 */
public record ProjectedTokens(int[] tokens, Embedding embedding, float[] table, float[] tableGradient)
        implements LayerInput {

    @Override
    public int width() {
        return embedding.width();
    }

    @Override
    public void addProjection(Kernels kernels, int rows, float[] weights, int weightOffset, int outWidth, float[] out) {
        if (tableGradient != null) {
            embedding.project(kernels, weightOffset, outWidth, table);
        }
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
        float[] dTable = trainingTableGradient();
        Arrays.fill(dTable, 0, embedding.vocabularySize() * outWidth, 0f);
        for (int r = 0; r < rows; r++) {
            int from = r * outWidth;
            int to = tokens[r] * outWidth;
            for (int j = 0; j < outWidth; j++) {
                dTable[to + j] += dOut[from + j];
            }
        }
        embedding.addProjectionWeightGradient(kernels, dTable, outWidth, dWeights, dWeightOffset);
    }

    /** dE += dTable·W_ih, with the dTable that {@link #addWeightGradient} gathered from the same dOut. */
    @Override
    public void backpropagate(Kernels kernels, int rows, float[] dOut, int outWidth, float[] weights, int weightOffset) {
        embedding.backwardThroughProjection(kernels, trainingTableGradient(), outWidth, weights, weightOffset);
    }

    /** The embedding rows E[token] themselves. */
    @Override
    public void addRows(int rows, float[] out, int outOffset, int outWidth) {
        embedding.addRows(tokens, rows, out, outOffset, outWidth);
    }

    /** dE[token] += d[r]: the embedding rows' share, besides the table's. */
    @Override
    public void addRowGradient(int rows, float[] d, int dOffset, int dWidth) {
        trainingTableGradient();
        embedding.backward(tokens, rows, d, dOffset, dWidth);
    }

    private float[] trainingTableGradient() {
        if (tableGradient == null) {
            throw new UnsupportedOperationException("a snapshot of the projection is for inference only");
        }
        return tableGradient;
    }
}
