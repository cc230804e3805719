package org.rnn4j.cell;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.rnn4j.cell.gru.GruCell;
import org.rnn4j.cell.grucho.GruChoCell;
import org.rnn4j.cell.lstm.LstmCell;
import org.rnn4j.cell.lstm.PeepholeLstmCell;
import org.rnn4j.cell.mrnn.MultiplicativeRnnCell;
import org.rnn4j.cell.mut.Architecture;
import org.rnn4j.cell.mut.MutCell;
import org.rnn4j.cell.rnn.RnnCell;
import org.rnn4j.cell.rru.RruCell;
import org.rnn4j.kernel.Activation;

/**
 * The cells rnn4j has, in the order the help lists them: one line per cell. Parsing {@code --cell}, the
 * help, the gradient check, the docs' list and the tests all read this list.
 */
public final class Cells {

    private static final List<Cell> ALL = List.of(
            new RnnCell("rnn", Activation.TANH),
            new RnnCell("rnn-relu", Activation.RELU),
            new RnnCell("rnn-sigmoid", Activation.SIGMOID),
            new LstmCell(),
            new PeepholeLstmCell(),
            new GruCell(),
            new GruChoCell(),
            new RruCell(),
            new MutCell(Architecture.MUT1),
            new MutCell(Architecture.MUT2),
            new MutCell(Architecture.MUT3),
            new MultiplicativeRnnCell());

    private Cells() {
    }

    /** Every cell. */
    public static List<Cell> all() {
        return ALL;
    }

    /** The ids, comma-separated: "rnn, rnn-relu, …". */
    public static String ids() {
        return ALL.stream().map(Cell::id).collect(Collectors.joining(", "));
    }

    /** The cell with that id; a one-line error naming the choices otherwise. */
    public static Cell of(String id) {
        for (Cell cell : ALL) {
            if (cell.id().equals(id)) {
                return cell;
            }
        }
        throw new IllegalArgumentException("unknown cell '" + id + "': choose one of " + ids());
    }

    /** The ids for picocli's {@code completionCandidates}, which fill {@code ${COMPLETION-CANDIDATES}} in help texts. */
    public static final class Ids implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return ALL.stream().map(Cell::id).iterator();
        }
    }
}
