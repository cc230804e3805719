package org.rnn4j.classify;

import java.util.Objects;

/**
 * One example of a text classification task: its class, its text, and where it came from, which error
 * messages name ({@code poems.tsv:12}, {@code reviews/good/a.txt}).
 */
public record LabelledText(String label, String text, String origin) {

    public LabelledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(origin, "origin");
    }
}
