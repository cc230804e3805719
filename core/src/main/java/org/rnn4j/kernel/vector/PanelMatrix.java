package org.rnn4j.kernel.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import jdk.incubator.vector.FloatVector;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.kernel.ShapedMatrix;

/**
 * The vector kernels' {@link PackedMatrix}: W (n, k) as column panels for {@link PackedGemv}. Panel q holds
 * the {@link #WIDTH} rows of W from q·WIDTH on (rows past n are zero), transposed to (k, WIDTH): W[j, p] is
 * float (q·k + p)·WIDTH + j − q·WIDTH. One pass over a panel reads it front to back.
 *
 * <p>The panels live off the heap, 64-byte aligned: a vector load that straddles two cache lines costs the
 * product about a fifth of its speed, and the JVM aligns arrays to 8 bytes only.
 */
final class PanelMatrix extends ShapedMatrix {

    /** Rows of W per panel: the four vectors of outputs {@link PackedGemv} accumulates at once. */
    static final int WIDTH = 4 * FloatVector.SPECIES_PREFERRED.length();
    private static final long ALIGNMENT = 64;

    private final MemorySegment panels; // (⌈n / WIDTH⌉, k, WIDTH) floats

    PanelMatrix(int rows, int columns) {
        super(rows, columns);
        long floats = (long) panelCount(rows) * columns * WIDTH;
        // zero-filled, freed when the matrix is unreachable
        this.panels = Arena.ofAuto().allocate(Math.max(1, floats) * Float.BYTES, ALIGNMENT);
    }

    /** {@code w} as a matrix of the vector kernels. */
    static PanelMatrix of(PackedMatrix w) {
        if (w instanceof PanelMatrix matrix) {
            return matrix;
        }
        throw new IllegalArgumentException("this matrix was packed by other kernels: pack it with the kernels that multiply it");
    }

    private static int panelCount(int rows) {
        return (rows + WIDTH - 1) / WIDTH;
    }

    int panelCount() {
        return panelCount(rows);
    }

    MemorySegment panels() {
        return panels;
    }

    @Override
    public void pack(float[] w, int offset, int ld) {
        for (int j = 0; j < rows; j++) {
            long panelStart = (long) (j / WIDTH) * columns * WIDTH + j % WIDTH;
            for (int p = 0; p < columns; p++) {
                panels.setAtIndex(ValueLayout.JAVA_FLOAT, panelStart + (long) p * WIDTH, w[offset + j * ld + p]);
            }
        }
    }
}
