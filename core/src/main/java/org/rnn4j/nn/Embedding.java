package org.rnn4j.nn;

import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/** Token embedding: x[r] = E[token[r]] for E (V, D); backward adds dx[r] into row token[r] of dE. */
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

    /** x (R, D) = rows of E picked by the R tokens. */
    public void forward(int[] tokens, int rows, float[] x) {
        float[] w = parameters.values();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(w, weight.offset() + tokens[r] * width, x, r * width, width);
        }
    }

    /** dE[token[r]] += dx[r] for each of the R rows. */
    public void backward(int[] tokens, int rows, float[] dx) {
        float[] g = parameters.gradients();
        for (int r = 0; r < rows; r++) {
            int row = weight.offset() + tokens[r] * width;
            for (int j = 0; j < width; j++) {
                g[row + j] += dx[r * width + j];
            }
        }
    }
}
