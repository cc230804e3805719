package org.rnn4j.kernel;

/** The specification's {@link PackedMatrix}: W (n, k) row-major, rows k apart. */
final class RowMajorMatrix extends ShapedMatrix {

    private final float[] values; // (n, k)

    RowMajorMatrix(int rows, int columns) {
        super(rows, columns);
        this.values = new float[Math.multiplyExact(rows, columns)];
    }

    /** {@code w} as a matrix of the specification's kernels. */
    static RowMajorMatrix of(PackedMatrix w) {
        if (w instanceof RowMajorMatrix matrix) {
            return matrix;
        }
        throw new IllegalArgumentException("this matrix was packed by other kernels: pack it with the kernels that multiply it");
    }

    /** W[j, p] at j·k + p. */
    float[] values() {
        return values;
    }

    @Override
    public void pack(float[] w, int offset, int ld) {
        for (int j = 0; j < rows; j++) {
            System.arraycopy(w, offset + j * ld, values, j * columns, columns);
        }
    }
}
