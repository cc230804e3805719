package org.rnn4j.data;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.TokenCursor;
import org.rnn4j.text.TokenSequence;

/**
 * Scoring batches that predict every token of a text after the first exactly once, in N streams read
 * together: row n predicts the targets in (c_n, c_{n+1}] (c_0 = 0, c_N = len−1). A stream that started at
 * its cut from a zero state would score its first tokens worse than one stream reading the whole text,
 * so every row but the first starts {@code warmUp} tokens before its cut and scores nothing there
 * (padding targets): it reaches its cut with a state close to the one the text before it gives. The
 * cuts make every row read about the same number of tokens, the first one warm-up's worth more
 * targets. Rows that end early read token 0 against padding targets.
 *
 * <p>Windows are read in order, 0 to {@link #windows()} − 1, window 0 starting afresh: the rows are
 * read through {@link TokenCursor}s, so the text need not be in memory.
 */
public final class ScoringStreams implements Batches {

    private final int rows;
    private final int steps;
    private final long[] starts;       // (N) index of the first input token of row n: c_n − warm-up, or 0
    private final long[] cuts;         // (N + 1) c_n: row n scores the targets in (c_n, c_{n+1}]
    private final long longest;        // steps the longest row reads
    private final int windows;
    private final TokenCursor[] cursors;
    private final int[] previous;      // (N) the input token of each row's next step
    private int nextWindow;

    /**
     * Up to {@code rows} rows read in windows of {@code steps}, each row after the first warmed up on
     * {@code warmUp} tokens; fewer rows when the text is short, so that each row scores at least
     * max(T, 4·warm-up) tokens. Needs at least 2 tokens.
     */
    public ScoringStreams(TokenSequence tokens, int rows, int steps, int warmUp) {
        if (tokens.length() < 2) {
            throw new IllegalArgumentException("need at least 2 tokens to score, got " + tokens.length());
        }
        if (rows <= 0 || steps <= 0 || warmUp < 0) {
            throw new IllegalArgumentException("rows and steps must be positive and warm-up not negative");
        }
        long predictions = tokens.length() - 1;  // P
        long least = Math.max(steps, 4L * warmUp);
        this.rows = (int) Math.max(1, Math.min(rows, predictions / least));
        this.steps = steps;
        int n = this.rows;
        // every row reads R positions: the first scores R, the others warm up on W and score R − W, so
        // R + (N − 1)(R − W) = P
        long read = Math.ceilDiv(predictions + (long) (n - 1) * warmUp, n);
        this.cuts = new long[n + 1];
        this.starts = new long[n];
        for (int r = 1; r <= n; r++) {
            cuts[r] = Math.min(predictions, read + (r - 1) * (read - warmUp));
        }
        cuts[n] = predictions;
        long most = 0;
        for (int r = 0; r < n; r++) {
            starts[r] = r == 0 ? 0 : Math.max(0, cuts[r] - warmUp);
            most = Math.max(most, cuts[r + 1] - starts[r]);
        }
        this.longest = most;
        this.windows = Math.toIntExact(Math.ceilDiv(longest, steps));
        this.cursors = new TokenCursor[n];
        for (int r = 0; r < n; r++) {
            cursors[r] = tokens.cursor();
        }
        this.previous = new int[n];
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
        return windows;
    }

    @Override
    public boolean carriesState() {
        return true;
    }

    /** Where row {@code row} starts scoring: the index of the first target it scores, minus one. */
    public long cut(int row) {
        return cuts[row];
    }

    @Override
    public void fill(int pass, int window, Workspace ws) {
        if (window == 0) {
            for (int r = 0; r < rows; r++) {
                cursors[r].seek(starts[r]);
                previous[r] = cursors[r].next();
            }
        } else if (window != nextWindow) {
            throw new IllegalStateException("scoring windows are read in order: expected window " + nextWindow + ", got " + window);
        }
        nextWindow = window + 1;
        long first = (long) window * steps;                       // the step of every row this window starts at
        int count = (int) Math.min(steps, longest - first);
        ws.useSteps(count);
        int[] inputs = ws.inputs();
        int[] targets = ws.targets();
        for (int t = 0; t < count; t++) {
            for (int r = 0; r < rows; r++) {
                long target = starts[r] + first + t + 1;          // text index of this position's target
                int at = t * rows + r;
                if (target > cuts[r + 1]) {
                    inputs[at] = 0;
                    targets[at] = Kernels.PADDING;
                    continue;
                }
                int token = cursors[r].next();
                inputs[at] = previous[r];
                targets[at] = target > cuts[r] ? token : Kernels.PADDING;
                previous[r] = token;
            }
        }
    }

    @Override
    public long position(int pass, int window, int step, int row) {
        return starts[row] + (long) window * steps + step + 1;
    }
}
