package org.rnn4j.cell;

import org.rnn4j.tensor.Tensor;

/**
 * y = W·x + b in double precision for W (R, C) and b (R) at offsets of a flat buffer, or y = W·x when the bias
 * offset is {@link #NO_BIAS}; backward mirrors it.
 */
public record ReferenceAffine(int weight, int bias, int rows, int cols) {

    /** The bias offset of a product without a bias. */
    public static final int NO_BIAS = -1;

    public static ReferenceAffine of(Tensor weight, Tensor bias) {
        return new ReferenceAffine(weight.offset(), bias.offset(), weight.rows(), weight.cols());
    }

    /** y = W·x. */
    public static ReferenceAffine linear(Tensor weight) {
        return new ReferenceAffine(weight.offset(), NO_BIAS, weight.rows(), weight.cols());
    }

    /** y (R) = W·x + b, x (C). */
    public void forward(double[] params, double[] x, double[] y) {
        for (int r = 0; r < rows; r++) {
            double sum = bias == NO_BIAS ? 0.0 : params[bias + r];
            for (int c = 0; c < cols; c++) {
                sum += params[weight + r * cols + c] * x[c];
            }
            y[r] = sum;
        }
    }

    /** dW += dy·xᵀ, db += dy, dx += Wᵀ·dy; dy (R), x and dx (C). */
    public void backward(double[] params, double[] gradients, double[] x, double[] dy, double[] dx) {
        for (int r = 0; r < rows; r++) {
            if (bias != NO_BIAS) {
                gradients[bias + r] += dy[r];
            }
            for (int c = 0; c < cols; c++) {
                gradients[weight + r * cols + c] += dy[r] * x[c];
                dx[c] += params[weight + r * cols + c] * dy[r];
            }
        }
    }
}
