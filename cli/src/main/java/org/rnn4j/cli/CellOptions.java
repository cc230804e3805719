package org.rnn4j.cli;

import java.util.Map;
import java.util.stream.Collectors;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cell;

/**
 * What the options of a command that makes a model ask of its cell, refused in one line that names the
 * options when the cell cannot take it. MUT1 and MUT2 add their input to the hidden state, so the first
 * layer's input must be as wide as the state: their default embedding is the hidden size. {@code --factors}
 * sets the factor count of the multiplicative RNN, the one cell with factors.
 */
final class CellOptions {

    /** The name of the multiplicative RNN's setting that --factors sets. */
    static final String FACTORS = "factors";

    private CellOptions() {
    }

    /** {@code given}, or when it is null {@code usual} if the cell reads inputs that wide, else the hidden size. */
    static int embedding(Cell cell, Integer given, int usual, int hidden) {
        if (given != null) {
            return given;
        }
        return cell.acceptsInput(usual, hidden) ? usual : hidden;
    }

    /** Refuses an embedding size (0: one-hot, V wide) the cell cannot read with that hidden size. */
    static void requireInput(Cell cell, int embedding, int vocabulary, int hidden, String embeddingOption, String hiddenOption) {
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

    /** The cell with --factors {@code factors} when it is given; refused for a cell without factors, or below 1. */
    static Cell withFactors(Cell cell, Integer factors, int hidden) {
        if (factors == null) {
            return cell;
        }
        requireFactors(cell, hidden);
        if (factors < 1) {
            throw new InvalidInputException("--factors must be at least 1, got " + factors);
        }
        return cell.with(Map.of(FACTORS, factors));
    }

    /** The cell's id and its own sizes: "mrnn (factors 256)", "lstm". */
    static String describe(Cell cell, int hidden) {
        Map<String, Integer> settings = cell.settings(hidden);
        if (settings.isEmpty()) {
            return cell.id();
        }
        return cell.id() + " (" + settings.entrySet().stream().map(setting -> setting.getKey() + " " + setting.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Refuses --factors for a cell that has none. */
    static void requireFactors(Cell cell, int hidden) {
        if (!cell.settings(hidden).containsKey(FACTORS)) {
            throw new InvalidInputException("--factors sets the factor count of --cell mrnn; --cell " + cell.id()
                    + " has no factors: drop --factors");
        }
    }
}
