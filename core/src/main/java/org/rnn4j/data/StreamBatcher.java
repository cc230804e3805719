package org.rnn4j.data;

import org.rnn4j.InvalidInputException;
import org.rnn4j.model.Workspace;

/**
 * Truncated-BPTT batches: the tokens are cut into N contiguous streams of L = ⌊(len−1)/N⌋ tokens; window w
 * gives every stream its steps [w·T, (w+1)·T) as inputs and the next tokens as targets. Consecutive
 * windows continue each stream, so the hidden state carries across them. Training visits the full
 * windows only; scoring ({@code wholeStreams}) adds a last, shorter window so every stream is read to its end.
 */
public final class StreamBatcher implements Batches {

    private final int[] tokens;
    private final int rows;
    private final int steps;
    private final int streamLength; // L
    private final boolean wholeStreams;

    /** Full windows only, for training; {@code what} names the data in error messages ("the training split"). */
    public StreamBatcher(int[] tokens, int rows, int steps, String what) {
        this(tokens, rows, steps, what, false);
    }

    /** With {@code wholeStreams}, a last shorter window covers the steps left after the full windows. */
    public StreamBatcher(int[] tokens, int rows, int steps, String what, boolean wholeStreams) {
        long needed = (long) rows * steps + 1;
        if (tokens.length < needed) {
            throw new InvalidInputException(what + " has " + tokens.length + " tokens, but batch size " + rows
                    + " × sequence length " + steps + " needs at least " + needed
                    + "; lower the batch size or the sequence length, or use a longer text");
        }
        this.tokens = tokens;
        this.rows = rows;
        this.steps = steps;
        this.streamLength = (tokens.length - 1) / rows;
        this.wholeStreams = wholeStreams;
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
    public boolean carriesState() {
        return true;
    }

    /** L: tokens each stream feeds as inputs. */
    public int streamLength() {
        return streamLength;
    }

    @Override
    public int windows() {
        return fullWindows() + (wholeStreams && remainderSteps() > 0 ? 1 : 0);
    }

    private int fullWindows() {
        return streamLength / steps;
    }

    @Override
    public void fill(int pass, int window, Workspace ws) {
        int count = Math.min(steps, streamLength - window * steps);
        ws.useSteps(count);
        fill(window * steps, count, ws.inputs(), ws.targets());
    }

    @Override
    public long position(int pass, int window, int step, int row) {
        return (long) row * streamLength + (long) window * steps + step + 1;
    }

    /** Writes window {@code window}'s (T·N) inputs and targets, step-major. */
    public void fill(int window, int[] inputs, int[] targets) {
        fill(window * steps, steps, inputs, targets);
    }

    /** Writes {@code count} steps from stream position {@code start} of every stream, step-major. */
    public void fill(int start, int count, int[] inputs, int[] targets) {
        for (int t = 0; t < count; t++) {
            for (int n = 0; n < rows; n++) {
                int at = n * streamLength + start + t;
                inputs[t * rows + n] = tokens[at];
                targets[t * rows + n] = tokens[at + 1];
            }
        }
    }

    /** Steps per stream left over after the full windows. */
    public int remainderSteps() {
        return streamLength - fullWindows() * steps;
    }
}
