package org.rnn4j.kernel;

/** Whether a GEMM operand is used as stored (row-major) or transposed. */
public enum Transpose {
    NO_TRANS,
    TRANS
}
