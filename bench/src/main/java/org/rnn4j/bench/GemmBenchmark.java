package org.rnn4j.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.random.Rng;

/**
 * One {@link Kernels#gemm} C += op(A)·op(B) on a shape training runs ({@link GemmShape}), with the
 * vector or the scalar kernels on 1 or 2 threads.
 *
 * <p>The score is the time of one product in µs; the product does 2·m·n·k floating-point operations, so
 * GFLOP/s = 2·m·n·k / (score · 1000). INPUT_PROJECTION, for example, is 2·6400·2048·512 = 13.4 GFLOP.
 */
public class GemmBenchmark extends KernelBenchmark {

    @Param
    public GemmShape shape;

    private Kernels chosen;
    private float[] a; // op(A) (m, k), stored (m, k) or (k, m)
    private float[] b; // op(B) (k, n), stored (k, n) or (n, k)
    private float[] c; // (m, n)

    @Setup
    public void setUp() {
        chosen = setUpKernels();
        Rng rng = new Rng(1);
        a = RandomValues.uniform(shape.m * shape.k, rng);
        b = RandomValues.uniform(shape.k * shape.n, rng);
        c = RandomValues.uniform(shape.m * shape.n, rng);
    }

    /** Accumulates into C (beta = 1), as the training products do. */
    @Benchmark
    public float[] gemm() {
        chosen.gemm(shape.transA, shape.transB, shape.m, shape.n, shape.k, 1f,
                a, 0, shape.lda(), b, 0, shape.ldb(), 1f, c, 0, shape.n);
        return c;
    }
}
