package org.rnn4j.data;

import java.util.Arrays;

/**
 * Token sequences that each carry one label (for a classifier) or one label per step (for a labeller). Token
 * ids are in [0, V), labels in [0, C); every sequence has at least one token.
 *
 * @param tokens     per sequence: its token ids
 * @param labels     per sequence: its class; null for per-step labels
 * @param stepLabels per sequence: one label per token; null for per-sequence labels
 */
public record LabelledSequences(int[][] tokens, int[] labels, int[][] stepLabels) {

    public LabelledSequences {
        if ((labels == null) == (stepLabels == null)) {
            throw new IllegalArgumentException("give either one label per sequence or one per step");
        }
        int count = labels != null ? labels.length : stepLabels.length;
        if (tokens.length != count) {
            throw new IllegalArgumentException(tokens.length + " sequences but " + count + " labels");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length == 0) {
                throw new IllegalArgumentException("sequence " + i + " is empty");
            }
            if (stepLabels != null && stepLabels[i].length != tokens[i].length) {
                throw new IllegalArgumentException("sequence " + i + " has " + tokens[i].length + " tokens but "
                        + stepLabels[i].length + " labels");
            }
        }
    }

    /** Sequences with one class each. */
    public static LabelledSequences ofClasses(int[][] tokens, int[] labels) {
        return new LabelledSequences(tokens, labels, null);
    }

    /** Sequences with one label per step. */
    public static LabelledSequences ofSteps(int[][] tokens, int[][] stepLabels) {
        return new LabelledSequences(tokens, null, stepLabels);
    }

    public int size() {
        return tokens.length;
    }

    /** True when each sequence has one label per step. */
    public boolean perStep() {
        return stepLabels != null;
    }

    /** The most tokens a sequence has. */
    public int longest() {
        return Arrays.stream(tokens).mapToInt(sequence -> sequence.length).max().orElse(0);
    }

    /** How many labels there are to predict: one per sequence, or one per step. */
    public long predictions() {
        return perStep() ? Arrays.stream(tokens).mapToLong(sequence -> sequence.length).sum() : tokens.length;
    }

    /** The sequences at {@code indices}, in that order (arrays shared, not copied). */
    public LabelledSequences subset(int[] indices) {
        int[][] someTokens = new int[indices.length][];
        int[] someLabels = labels == null ? null : new int[indices.length];
        int[][] someStepLabels = stepLabels == null ? null : new int[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            someTokens[i] = tokens[indices[i]];
            if (labels != null) {
                someLabels[i] = labels[indices[i]];
            } else {
                someStepLabels[i] = stepLabels[indices[i]];
            }
        }
        return new LabelledSequences(someTokens, someLabels, someStepLabels);
    }
}
