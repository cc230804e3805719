package org.rnn4j.classify;

import java.util.List;
import java.util.Objects;

/**
 * One example of a sequence labelling task: T tokens and the T labels, one per step, and where it came
 * from ({@code tags.tsv:3}). {@link LabelledStepsReader} reads them from a file.
 */
public record LabelledSteps(List<String> tokens, List<String> labels, String origin) {

    public LabelledSteps {
        tokens = List.copyOf(tokens);
        labels = List.copyOf(labels);
        Objects.requireNonNull(origin, "origin");
        if (tokens.size() != labels.size()) {
            throw new IllegalArgumentException(origin + ": " + tokens.size() + " tokens but " + labels.size() + " labels");
        }
    }

    /** T, the number of steps. */
    public int steps() {
        return tokens.size();
    }
}
