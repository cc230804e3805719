package org.rnn4j.cell;

import org.rnn4j.model.ModelConfig;

/** Model shapes for the tests that run every cell: the shape asked for, or the nearest one the cell accepts. */
public final class CellConfigs {

    private CellConfigs() {
    }

    /**
     * V, E, H and L as given, except for a cell that needs its input as wide as its state (MUT1, MUT2): its H is
     * the first layer's input width, E (V for one-hot input).
     */
    public static ModelConfig of(Cell cell, int vocabulary, int embedding, int hidden, int layers, float dropout, boolean tied) {
        int input = embedding == 0 ? vocabulary : embedding;
        int accepted = cell.acceptsInput(input, hidden) ? hidden : input;
        return new ModelConfig(cell, vocabulary, embedding, accepted, layers, dropout, tied);
    }

    /** {@link #of(Cell, int, int, int, int, float, boolean)} with an untied decoder. */
    public static ModelConfig of(Cell cell, int vocabulary, int embedding, int hidden, int layers, float dropout) {
        return of(cell, vocabulary, embedding, hidden, layers, dropout, false);
    }
}
