package org.rnn4j.kernel.vector;

import jdk.incubator.vector.FloatVector;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.kernel.Transpose;

/** Vector API kernels. */
public final class VectorKernels extends ScalarKernels {

    public static Kernels create() {
        return new VectorKernels();
    }

    @Override
    public String name() {
        return "vector(FloatVector " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit, "
                + Parallel.threads() + " threads)";
    }

    @Override
    public void gemm(Transpose transA, Transpose transB, int m, int n, int k, float alpha,
                     float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb,
                     float beta, float[] c, int cOffset, int ldc) {
        Gemm.gemm(transA, transB, m, n, k, alpha, a, aOffset, lda, b, bOffset, ldb, beta, c, cOffset, ldc);
    }
}
