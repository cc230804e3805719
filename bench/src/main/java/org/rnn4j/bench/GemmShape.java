package org.rnn4j.bench;

import org.rnn4j.kernel.Transpose;

/**
 * The GEMMs of one training step of the C3 model (2 × LSTM with H = 512 on 512-wide input, windows of
 * T = 100 steps × N = 64 rows, V = 65), plus the one-row product of sampling. Each is
 * C (m, n) += op(A) (m, k)·op(B) (k, n), with the transposes training uses.
 */
public enum GemmShape {
    /** gates (T·N, 4H) += x (T·N, D)·W_ihᵀ: the input projection of a whole window. */
    INPUT_PROJECTION(Transpose.NO_TRANS, Transpose.TRANS, 6400, 2048, 512),
    /** gates (N, 4H) += h_{t−1} (N, H)·W_hhᵀ: the recurrent product of one step. */
    RECURRENT_STEP(Transpose.NO_TRANS, Transpose.TRANS, 64, 2048, 512),
    /** logits (T·N, V) += h (T·N, H)·W_decᵀ: the decoder. */
    DECODER(Transpose.NO_TRANS, Transpose.TRANS, 6400, 65, 512),
    /** dW_ih (4H, D) += dGatesᵀ·x for dGates (T·N, 4H), x (T·N, D): a weight gradient. */
    WEIGHT_GRADIENT(Transpose.TRANS, Transpose.NO_TRANS, 2048, 512, 6400),
    /** gates (1, 4H) += h (1, H)·W_hhᵀ: one step of sampling, a GEMV. */
    SAMPLING_STEP(Transpose.NO_TRANS, Transpose.TRANS, 1, 2048, 512);

    final Transpose transA;
    final Transpose transB;
    final int m;
    final int n;
    final int k;

    GemmShape(Transpose transA, Transpose transB, int m, int n, int k) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
    }

    /** Row stride of A as stored: (m, k), or (k, m) when transposed. */
    int lda() {
        return transA == Transpose.NO_TRANS ? k : m;
    }

    /** Row stride of B as stored: (k, n), or (n, k) when transposed. */
    int ldb() {
        return transB == Transpose.NO_TRANS ? n : k;
    }
}
