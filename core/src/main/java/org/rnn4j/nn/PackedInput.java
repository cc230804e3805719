package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;

/**
 * A dense input block x (R, D) at {@code offset} in {@code values} whose projection reads {@code weights}, a
 * packed copy of the layer's W_ih (G·H, D), instead of the parameters: row by row, as stepping one row at a
 * time wants ({@link Kernels#addPackedProduct}). Like {@link ProjectedTokens} it stands for the weights it
 * was packed from, so it is for inference only: no gradients.
 */
public record PackedInput(float[] values, int offset, int width, PackedMatrix weights) implements LayerInput {

    public PackedInput {
        if (weights.columns() != width) {
            throw new IllegalArgumentException("a packed W_ih for inputs of width " + width + " needs " + width
                    + " columns, got " + weights.columns());
        }
    }

    @Override
    public void addProjection(Kernels kernels, int rows, float[] parameters, int weightOffset, int outWidth, float[] out) {
        for (int r = 0; r < rows; r++) {
            kernels.addPackedProduct(weights, values, offset + r * width, out, r * outWidth);
        }
    }

    @Override
    public void addWeightGradient(Kernels kernels, int rows, float[] dOut, int outWidth, float[] dWeights,
                                  int dWeightOffset) {
        throw new UnsupportedOperationException("a packed input is for inference only");
    }

    @Override
    public void backpropagate(Kernels kernels, int rows, float[] dOut, int outWidth, float[] weights, int weightOffset) {
        throw new UnsupportedOperationException("a packed input is for inference only");
    }

    @Override
    public void addRows(int rows, float[] out, int outOffset, int outWidth) {
        DenseInput.addRows(values, offset, width, rows, out, outOffset, outWidth);
    }

    @Override
    public void addRowGradient(int rows, float[] d, int dOffset, int dWidth) {
        throw new UnsupportedOperationException("a packed input is for inference only");
    }
}
