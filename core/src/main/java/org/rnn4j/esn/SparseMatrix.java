package org.rnn4j.esn;

import java.util.Arrays;
import org.rnn4j.random.Rng;

/**
 * A square (N, N) matrix in compressed sparse rows: row i holds {@code values[rowStart[i]..rowStart[i+1])}
 * in the columns {@code columns[...]} of the same range. Immutable once made.
 */
final class SparseMatrix {

    final int size;
    final int[] rowStart; // (N + 1)
    final int[] columns;  // (nnz)
    final float[] values; // (nnz)

    private SparseMatrix(int size, int[] rowStart, int[] columns, float[] values) {
        this.size = size;
        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /**
     * A random matrix with {@code perRow} = max(1, round(connectivity·N)) distinct columns per row, chosen
     * uniformly, and weights uniform in [−1, 1].
     */
    static SparseMatrix random(int size, double connectivity, Rng rng) {
        int perRow = (int) Math.max(1, Math.min(size, Math.round(connectivity * size)));
        int[] rowStart = new int[size + 1];
        int[] columns = new int[size * perRow];
        float[] values = new float[size * perRow];
        int[] pool = new int[size];
        for (int j = 0; j < size; j++) {
            pool[j] = j;
        }
        for (int i = 0; i < size; i++) {
            rowStart[i] = i * perRow;
            for (int k = 0; k < perRow; k++) { // partial Fisher–Yates: the first perRow of a shuffle
                int pick = k + (int) (rng.nextDouble() * (size - k));
                int column = pool[pick];
                pool[pick] = pool[k];
                pool[k] = column;
            }
            Arrays.sort(pool, 0, perRow);
            for (int k = 0; k < perRow; k++) {
                columns[i * perRow + k] = pool[k];
                values[i * perRow + k] = (float) (2 * rng.nextDouble() - 1);
            }
        }
        rowStart[size] = size * perRow;
        return new SparseMatrix(size, rowStart, columns, values);
    }

    /** The non-zero entries of a dense row-major (N, N) matrix. */
    static SparseMatrix fromDense(int size, float[] dense) {
        int nonZeros = 0;
        for (float v : dense) {
            nonZeros += v != 0 ? 1 : 0;
        }
        int[] rowStart = new int[size + 1];
        int[] columns = new int[nonZeros];
        float[] values = new float[nonZeros];
        int at = 0;
        for (int i = 0; i < size; i++) {
            rowStart[i] = at;
            for (int j = 0; j < size; j++) {
                float v = dense[i * size + j];
                if (v != 0) {
                    columns[at] = j;
                    values[at++] = v;
                }
            }
        }
        rowStart[size] = at;
        return new SparseMatrix(size, rowStart, columns, values);
    }

    /** The dense row-major (N, N) copy. */
    float[] toDense() {
        float[] dense = new float[size * size];
        for (int i = 0; i < size; i++) {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                dense[i * size + columns[p]] = values[p];
            }
        }
        return dense;
    }

    /** This matrix times {@code factor}, each product rounded to float. */
    SparseMatrix scaled(double factor) {
        float[] scaled = new float[values.length];
        for (int p = 0; p < values.length; p++) {
            scaled[p] = (float) (values[p] * factor);
        }
        return new SparseMatrix(size, rowStart, columns, scaled);
    }

    /** out = W·x; x (N), out (N), distinct arrays. */
    void multiply(double[] x, double[] out) {
        for (int i = 0; i < size; i++) {
            double sum = 0;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                sum += values[p] * x[columns[p]];
            }
            out[i] = sum;
        }
    }

    int nonZeros() {
        return values.length;
    }
}
