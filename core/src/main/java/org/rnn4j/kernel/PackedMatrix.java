package org.rnn4j.kernel;

/**
 * A copy of a matrix W (n, k) in the layout that one {@link Kernels} implementation multiplies by a vector
 * fastest ({@link Kernels#addPackedProduct}). It is a snapshot: {@link #pack} again after W changes. Made
 * by {@link Kernels#packedMatrix}; only the implementation that made it can read it.
 */
public interface PackedMatrix {

    /** n. */
    int rows();

    /** k. */
    int columns();

    /** Copies W (n, k), stored row-major at {@code offset} of {@code w} with rows {@code ld} apart. */
    void pack(float[] w, int offset, int ld);
}
