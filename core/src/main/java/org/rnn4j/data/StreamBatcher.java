package org.rnn4j.data;

import org.rnn4j.InvalidInputException;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.TokenArray;

/**
 * Truncated-BPTT batches: the tokens are cut into N contiguous streams of L = ⌊(len−1)/N⌋ tokens; window w
 * gives every stream its steps [w·T, (w+1)·T) as inputs and the next tokens as targets. Consecutive
 * windows continue each stream, so the hidden state carries across them. Training visits the full
 * windows only; scoring ({@code wholeStreams}) adds a last, shorter window so every stream is read to its end.
 * The tokens are read where they lie, in memory or in a mapped {@link org.rnn4j.text.TokenFile}, one
 * stream's run of T + 1 at a time.
 */
public final class StreamBatcher implements Batches {

    private final TokenArray tokens;
    private final int rows;
    private final int steps;
    private final long streamLength; // L
    private final boolean wholeStreams;

    /** Full windows only, over an array in memory. */
    public StreamBatcher(int[] tokens, int rows, int steps, String what) {
        this(TokenArray.of(tokens), rows, steps, what, false);
    }

    /** Full windows only, for training; {@code what} names the data in error messages ("the training split"). */
    public StreamBatcher(TokenArray tokens, int rows, int steps, String what) {
        this(tokens, rows, steps, what, false);
    }

    /** With {@code wholeStreams}, a last shorter window covers the steps left after the full windows. */
    public StreamBatcher(TokenArray tokens, int rows, int steps, String what, boolean wholeStreams) {
        long needed = (long) rows * steps + 1;
        if (tokens.length() < needed) {
            throw new InvalidInputException(what + " has " + tokens.length() + " tokens, but batch size " + rows
                    + " × sequence length " + steps + " needs at least " + needed
                    + "; lower the batch size or the sequence length, or use a longer text");
        }
        this.tokens = tokens;
        this.rows = rows;
        this.steps = steps;
        this.streamLength = (tokens.length() - 1) / rows;
        this.wholeStreams = wholeStreams;
        if (streamLength / steps >= Integer.MAX_VALUE) {
            throw new InvalidInputException(String.format("%s has %,d tokens, more than %,d windows of batch size %d × sequence "
                    + "length %d; raise the batch size or the sequence length", what, tokens.length(), Integer.MAX_VALUE - 1, rows, steps));
        }
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
    public long streamLength() {
        return streamLength;
    }

    @Override
    public int windows() {
        return fullWindows() + (wholeStreams && remainderSteps() > 0 ? 1 : 0);
    }

    private int fullWindows() {
        return (int) (streamLength / steps);
    }

    @Override
    public void fill(int pass, int window, Workspace ws) {
        int count = (int) Math.min(steps, streamLength - (long) window * steps);
        ws.useSteps(count);
        fill((long) window * steps, count, ws.inputs(), ws.targets());
    }

    @Override
    public long position(int pass, int window, int step, int row) {
        return row * streamLength + (long) window * steps + step + 1;
    }

    /** Writes window {@code window}'s (T·N) inputs and targets, step-major. */
    public void fill(int window, int[] inputs, int[] targets) {
        fill((long) window * steps, steps, inputs, targets);
    }

    /** Writes {@code count} steps from stream position {@code start} of every stream, step-major: (T·N) each. */
    private void fill(long start, int count, int[] inputs, int[] targets) {
        for (int n = 0; n < rows; n++) {
            long at = n * streamLength + start;             // one stream's run, read in order
            int token = tokens.get(at);
            for (int t = 0; t < count; t++) {
                int next = tokens.get(at + t + 1);
                inputs[t * rows + n] = token;
                targets[t * rows + n] = next;
                token = next;
            }
        }
    }

    /** Steps per stream left over after the full windows. */
    public int remainderSteps() {
        return (int) (streamLength - (long) fullWindows() * steps);
    }
}
