package org.rnn4j.nn;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.Transpose;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * A matrix W (K, C) that a recurrent step multiplies an operand s (N, C) by (the state, r⊙h, the factors):
 * out += s·Wᵀ forward, ds = dOut·W back, and dW += dOutᵀ·s over a whole window afterwards. The products read
 * the parameters, or a packed copy of W row by row, as stepping one row at a time wants
 * ({@link Kernels#addPackedProduct}). out and dOut are row blocks of width K inside rows of width {@code ld}.
 */
public final class StepMatrix {

    private final Kernels kernels;
    private final Parameters parameters;
    private final Tensor weight;        // W (K, C)
    private final PackedMatrix packed;  // a packed copy of W, or null to read the parameters

    public StepMatrix(Kernels kernels, Parameters parameters, Tensor weight) {
        this(kernels, parameters, weight, null);
    }

    private StepMatrix(Kernels kernels, Parameters parameters, Tensor weight, PackedMatrix packed) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.weight = weight;
        this.packed = packed;
    }

    /** The same matrix, its forward products read from {@code packed}, a packed copy of W (K, C). */
    public StepMatrix readFrom(PackedMatrix packed) {
        if (packed.rows() != weight.rows() || packed.columns() != weight.cols()) {
            throw new IllegalArgumentException("a packed " + weight.name() + " is " + weight.rows() + "×" + weight.cols()
                    + ", got " + packed.rows() + "×" + packed.columns());
        }
        return new StepMatrix(kernels, parameters, weight, packed);
    }

    /** out (N, K) += s·Wᵀ for s (N, C) at {@code sOffset}; row n of out at outOffset + n·ld. */
    public void addProduct(int rows, float[] s, int sOffset, float[] out, int outOffset, int ld) {
        int columns = weight.cols();
        if (packed == null) {
            kernels.gemm(Transpose.NO_TRANS, Transpose.TRANS, rows, weight.rows(), columns, 1f,
                    s, sOffset, columns, parameters.values(), weight.offset(), columns, 1f, out, outOffset, ld);
            return;
        }
        for (int r = 0; r < rows; r++) {
            kernels.addPackedProduct(packed, s, sOffset + r * columns, out, outOffset + r * ld);
        }
    }

    /** ds (N, C) = beta·ds + dOut·W for dOut (N, K) at {@code dOutOffset} with rows {@code ld} apart. */
    public void backpropagate(int rows, float[] dOut, int dOutOffset, int ld, float beta, float[] ds, int dsOffset) {
        int columns = weight.cols();
        kernels.gemm(Transpose.NO_TRANS, Transpose.NO_TRANS, rows, columns, weight.rows(), 1f,
                dOut, dOutOffset, ld, parameters.values(), weight.offset(), columns, beta, ds, dsOffset, columns);
    }

    /** dW (K, C) += dOutᵀ·s over R rows: dOut (R, K) at {@code dOutOffset} with rows {@code ld} apart, s (R, C). */
    public void addWeightGradient(int rows, float[] dOut, int dOutOffset, int ld, float[] s, int sOffset) {
        int columns = weight.cols();
        kernels.gemm(Transpose.TRANS, Transpose.NO_TRANS, weight.rows(), columns, rows, 1f,
                dOut, dOutOffset, ld, s, sOffset, columns, 1f, parameters.gradients(), weight.offset(), columns);
    }
}
