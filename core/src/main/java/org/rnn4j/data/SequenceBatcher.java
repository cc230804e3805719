package org.rnn4j.data;

import java.util.Arrays;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.Workspace;

/**
 * Windows of whole labelled sequences, one per row, each from the initial state: sequences of similar length share
 * a window, which is as long as its longest one; shorter rows are padded after their end (input token 0, no
 * target) and say their length, so neither the loss nor a classifier's pooling sees the padding. Training
 * visits the windows in an order shuffled per pass; evaluation visits them in order.
 */
public final class SequenceBatcher implements Batches {

    private static final int[] NONE = {};

    private final LabelledSequences data;
    private final int rows;
    private final int steps;
    private final LengthWindows windows;

    /** {@code seed} shuffles the windows of each pass; null visits them in order. */
    public SequenceBatcher(LabelledSequences data, int rows, Long seed) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("no sequences to batch");
        }
        this.data = data;
        this.rows = rows;
        this.steps = data.longest();
        this.windows = new LengthWindows(Arrays.stream(data.tokens()).mapToInt(sequence -> sequence.length).toArray(), rows, seed);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int steps() {
        return steps;
    }

    @Override
    public int windows() {
        return windows.windows();
    }

    @Override
    public boolean carriesState() {
        return false;
    }

    @Override
    public void fill(int pass, int window, Workspace ws) {
        int[] items = windows.items(pass, window);
        int longest = 0;
        for (int item : items) {
            longest = Math.max(longest, data.tokens()[item].length);
        }
        ws.useSteps(longest);
        int[] inputs = ws.inputs();   // (T·N)
        int[] targets = ws.targets(); // (T·N)
        int[] lengths = ws.lengths(); // (N)
        int[] labels = ws.labels();   // (N)
        for (int n = 0; n < rows; n++) {
            int item = n < items.length ? items[n] : -1;
            int[] tokens = item < 0 ? NONE : data.tokens()[item];
            lengths[n] = tokens.length;
            labels[n] = item < 0 || data.perStep() ? Kernels.PADDING : data.labels()[item];
            for (int t = 0; t < longest; t++) {
                int at = t * rows + n;
                boolean real = t < tokens.length;
                inputs[at] = real ? tokens[t] : 0;
                targets[at] = real && data.perStep() ? data.stepLabels()[item][t] : Kernels.PADDING;
            }
        }
    }

    /** The index of the sequence in row {@code row} of the window (−1 for an unused row), whatever the step. */
    @Override
    public long position(int pass, int window, int step, int row) {
        int[] items = windows.items(pass, window);
        return row < items.length ? items[row] : -1;
    }
}
