package org.rnn4j.cli.classify;

import java.util.List;
import org.rnn4j.data.LabelledSequences;

/**
 * Examples ready for a sequence classifier: N token-id sequences, their N class indices and the N origins
 * of their texts, all in the same order.
 *
 * @param sequences (N), sequence n holding T_n token ids in [0, V)
 * @param classes   (N), each in [0, C)
 * @param origins   (N), where each text came from ({@code poems.tsv:12}), for messages
 */
public record EncodedExamples(int[][] sequences, int[] classes, List<String> origins) {

    public EncodedExamples {
        origins = List.copyOf(origins);
        if (sequences.length != classes.length || classes.length != origins.size()) {
            throw new IllegalArgumentException("sequences, classes and origins differ in count: " + sequences.length + ", "
                    + classes.length + ", " + origins.size());
        }
    }

    /** The sequences with their classes, as the trainer reads them. */
    public LabelledSequences labelled() {
        return LabelledSequences.ofClasses(sequences, classes);
    }

    /** N. */
    public int size() {
        return classes.length;
    }

    /** Σ T_n: the tokens of all sequences. */
    public long tokens() {
        long tokens = 0;
        for (int[] sequence : sequences) {
            tokens += sequence.length;
        }
        return tokens;
    }
}
