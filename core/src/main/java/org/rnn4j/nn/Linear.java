package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Transpose;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/** Affine layer y = x·Wᵀ + b for W (V, H), b (V), over R rows at once. */
public final class Linear {

    private final Kernels kernels;
    private final Parameters parameters;
    private final Tensor weight; // (V, H)
    private final Tensor bias;   // (V)

    public Linear(Kernels kernels, Parameters parameters, Tensor weight, Tensor bias) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.weight = weight;
        this.bias = bias;
    }

    public int outputs() {
        return weight.rows();
    }

    /** y (R, V) = x·Wᵀ + b for x (R, H) at {@code xOffset}. */
    public void forward(float[] x, int xOffset, int rows, float[] y) {
        int v = weight.rows();
        int h = weight.cols();
        float[] w = parameters.values();
        kernels.broadcastRows(w, bias.offset(), v, rows, y, 0);
        kernels.gemm(Transpose.NO_TRANS, Transpose.TRANS, rows, v, h, 1f, x, xOffset, h, w, weight.offset(), h, 1f, y, 0, v);
    }

    /** dW += dyᵀ·x, db += Σ dy, dx (R, H) = dy·W. */
    public void backward(float[] x, int xOffset, int rows, float[] dy, float[] dx) {
        int v = weight.rows();
        int h = weight.cols();
        float[] g = parameters.gradients();
        kernels.gemm(Transpose.TRANS, Transpose.NO_TRANS, v, h, rows, 1f, dy, 0, v, x, xOffset, h, 1f, g, weight.offset(), h);
        kernels.addColumnSums(dy, 0, rows, v, g, bias.offset());
        kernels.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, rows, h, v, 1f, dy, 0, v, parameters.values(), weight.offset(), h,
                0f, dx, 0, h);
    }
}
