package org.rnn4j.cli;

import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cell;

/**
 * The first layer's input width that a command gives its cell: the embedding size asked for, or by default one
 * the cell can read. MUT1 and MUT2 add their input to the hidden state, so they need it as wide as the state:
 * their default is the hidden size, and any other size is refused in one line that names both options.
 */
final class CellInput {

    private CellInput() {
    }

    /** {@code given}, or when it is null {@code usual} if the cell reads inputs that wide, else the hidden size. */
    static int embedding(Cell cell, Integer given, int usual, int hidden) {
        if (given != null) {
            return given;
        }
        return cell.acceptsInput(usual, hidden) ? usual : hidden;
    }

    /** Refuses an embedding size (0: one-hot, V wide) the cell cannot read with that hidden size. */
    static void require(Cell cell, int embedding, int vocabulary, int hidden, String embeddingOption, String hiddenOption) {
        int width = embedding == 0 ? vocabulary : embedding;
        if (cell.acceptsInput(width, hidden)) {
            return;
        }
        String input = embedding == 0
                ? "the one-hot input of " + embeddingOption + " 0 (" + vocabulary + " tokens wide)"
                : embeddingOption + " (" + embedding + ")";
        throw new InvalidInputException("--cell " + cell.id() + " adds its input to the hidden state, so " + input
                + " must be as wide as " + hiddenOption + " (" + hidden + "): set " + embeddingOption + " " + hidden
                + ", or leave it out");
    }
}
