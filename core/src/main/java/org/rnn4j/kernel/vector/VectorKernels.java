package org.rnn4j.kernel.vector;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.ScalarKernels;

/** Vector API kernels (being written). */
public final class VectorKernels extends ScalarKernels {

    public static Kernels create() {
        return new VectorKernels();
    }

    @Override
    public String name() {
        return "vector";
    }
}
