package org.rnn4j.data;

import java.util.Arrays;
import org.rnn4j.InvalidInputException;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.TokenArray;

/**
 * Sentence-by-sentence batches from a stream of sentences that each end with the end token: a row reads
 * one sentence from the start token, {@code <s> w1 … wn} as inputs and {@code w1 … wn </s>} as targets,
 * from the initial state. Sentences of similar length share a window (they are sorted by length and cut into
 * groups of N), a window is as long as its longest sentence, and shorter rows are padded with targets
 * that never count. Each pass visits the windows in its own shuffled order, fixed by the seed and the pass.
 */
public final class SentenceBatcher implements Batches {

    private final TokenArray tokens;
    private final int startToken;
    private final int rows;
    private final int steps;
    private final long[] sentenceStart; // per sentence: index of its first word (or of its end token)
    private final int[] sentenceLength; // per sentence: steps it needs, words + 1
    private final LengthWindows windows;

    /**
     * Cuts {@code tokens} at each {@code endToken}; empty sentences are skipped. Refuses a sentence that
     * needs more than {@code steps} steps. {@code what} names the data in error messages.
     */
    public SentenceBatcher(int[] tokens, int startToken, int endToken, int rows, int steps, long seed, String what) {
        this(TokenArray.of(tokens), startToken, endToken, rows, steps, seed, what);
    }

    /** The same over tokens in memory or in a mapped token file. */
    public SentenceBatcher(TokenArray tokens, int startToken, int endToken, int rows, int steps, long seed, String what) {
        this.tokens = tokens;
        this.startToken = startToken;
        this.rows = rows;
        this.steps = steps;
        long[] starts = new long[16];
        int[] lengths = new int[16];
        int count = 0;
        long longest = 0;
        int tooLong = 0;
        for (long at = 0, from = 0; at < tokens.length(); at++) {
            if (tokens.get(at) != endToken) {
                continue;
            }
            long length = at - from + 1;
            if (length > 1) {
                longest = Math.max(longest, length);
                if (length > steps) {
                    tooLong++;
                } else {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * count);
                        lengths = Arrays.copyOf(lengths, 2 * count);
                    }
                    starts[count] = from;
                    lengths[count++] = (int) length;
                }
            }
            from = at + 1;
        }
        if (count + tooLong == 0) {
            throw new InvalidInputException(what + " has no sentence that ends with a sentence end"
                    + "; give a text with sentence boundaries, or train with --mode stream");
        }
        if (tooLong > 0) {
            throw new InvalidInputException(what + " has " + tooLong + " sentence(s) longer than the window of " + steps
                    + " steps (the longest needs " + longest + "); raise --seq-length to " + longest
                    + ", or train with --mode stream, which cuts the text into windows");
        }
        this.sentenceStart = Arrays.copyOf(starts, count);
        this.sentenceLength = Arrays.copyOf(lengths, count);
        this.windows = new LengthWindows(sentenceLength, rows, seed);
    }

    /** Steps the longest sentence of {@code tokens} needs (its words and its end token); 1 when none ends. */
    public static int longestSentence(TokenArray tokens, int endToken) {
        int longest = 1;
        int length = 0;
        for (long at = 0; at < tokens.length(); at++) {
            length++;
            if (tokens.get(at) == endToken) {
                longest = Math.max(longest, length);
                length = 0;
            }
        }
        return longest;
    }

    /** How many sentences the batches hold. */
    public int sentences() {
        return sentenceStart.length;
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
        int[] sentences = windows.items(pass, window);
        int longest = 0;
        for (int s : sentences) {
            longest = Math.max(longest, sentenceLength[s]);
        }
        ws.useSteps(longest);
        int[] inputs = ws.inputs();
        int[] targets = ws.targets();
        for (int n = 0; n < rows; n++) {
            int s = n < sentences.length ? sentences[n] : -1;
            int length = s < 0 ? 0 : sentenceLength[s];
            for (int t = 0; t < longest; t++) {
                int at = t * rows + n;
                if (t < length) {
                    inputs[at] = t == 0 ? startToken : tokens.get(sentenceStart[s] + t - 1);
                    targets[at] = tokens.get(sentenceStart[s] + t);
                } else {
                    inputs[at] = startToken;
                    targets[at] = Kernels.PADDING;
                }
            }
        }
    }

    @Override
    public long position(int pass, int window, int step, int row) {
        return sentenceStart[windows.items(pass, window)[row]] + step;
    }
}
