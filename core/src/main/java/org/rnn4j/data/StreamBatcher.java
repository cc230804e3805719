package org.rnn4j.data;

import org.rnn4j.InvalidInputException;

/**
 * Truncated-BPTT batches: the tokens are cut into N contiguous streams of L = ⌊(len−1)/N⌋ tokens; window w
 * gives every stream its steps [w·T, (w+1)·T) as inputs and the next tokens as targets. Consecutive
 * windows continue each stream, so the hidden state carries across them.
 */
public final class StreamBatcher {

    private final int[] tokens;
    private final int rows;
    private final int steps;
    private final int streamLength; // L

    /** {@code what} names the data in error messages ("the training split"). */
    public StreamBatcher(int[] tokens, int rows, int steps, String what) {
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
    }

    public int rows() {
        return rows;
    }

    public int steps() {
        return steps;
    }

    /** L: tokens each stream feeds as inputs. */
    public int streamLength() {
        return streamLength;
    }

    /** Full windows per pass over the data. */
    public int windows() {
        return streamLength / steps;
    }

    /** Tokens a pass predicts. */
    public long tokensPerEpoch() {
        return (long) windows() * steps * rows;
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
        return streamLength - windows() * steps;
    }
}
