package org.rnn4j.kernel;

/** What every {@link PackedMatrix} shares: its shape W (n, k), checked when it is made. */
public abstract class ShapedMatrix implements PackedMatrix {

    protected final int rows;
    protected final int columns;

    protected ShapedMatrix(int rows, int columns) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("a matrix needs non-negative sizes, got " + rows + "×" + columns);
        }
        this.rows = rows;
        this.columns = columns;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int columns() {
        return columns;
    }
}
