package org.rnn4j.kernel.vector;

import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.ShapedMatrix;

/**
 * The vector kernels' {@link PackedMatrix} for products of many rows ({@link Gemm#addProduct}): W (n, k)
 * packed as op(B) = Wᵀ (k, n) the way {@link Gemm} packs B for itself, once for all the products that read it.
 * Depth block pc (of {@link Gemm#depthBlock} rows of op(B)) starts at pc·n' floats, n' = n padded to whole
 * {@link Gemm#NR}-column panels; in it, the panel of columns j..j+NR−1 holds (depth, NR) row-major from j·depth on.
 */
final class GemmPanels extends ShapedMatrix {

    private final float[] panels; // (k, n') in depth blocks of NR-column panels

    GemmPanels(int rows, int columns) {
        super(rows, columns);
        this.panels = new float[Math.multiplyExact(Gemm.paddedWidth(rows), columns)];
    }

    /** {@code w} as a matrix of {@link Gemm#addProduct}. */
    static GemmPanels of(PackedMatrix w) {
        if (w instanceof GemmPanels matrix) {
            return matrix;
        }
        throw new IllegalArgumentException("this matrix was not packed for products of many rows: pack it with packedRowsMatrix");
    }

    /** Where the panel of columns {@code j}.. of the depth block that starts at row {@code pc} of op(B) starts. */
    static int blockOffset(int n, int pc, int j, int depth) {
        return pc * Gemm.paddedWidth(n) + j * depth;
    }

    float[] panels() {
        return panels;
    }

    @Override
    public void pack(float[] w, int offset, int ld) {
        int kc = Gemm.depthBlock(columns);
        for (int pc = 0; pc < columns; pc += kc) {
            int depth = Math.min(kc, columns - pc);
            Gemm.packB(true, w, offset, ld, pc, depth, 0, rows, panels, blockOffset(rows, pc, 0, depth));
        }
    }
}
