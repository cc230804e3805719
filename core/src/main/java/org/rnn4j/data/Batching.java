package org.rnn4j.data;

import org.rnn4j.random.Rng;
import org.rnn4j.text.TokenArray;
import org.rnn4j.text.Vocabulary;

/** How training cuts its tokens into windows. */
public enum Batching {
    /** N contiguous streams read in T-step windows, the state carried across them: {@link StreamBatcher}. */
    STREAM("stream"),
    /** One sentence per row from the initial state, padded to the window's longest: {@link SentenceBatcher}. */
    SENTENCES("sentence");

    private final String id;

    Batching(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Batching fromId(String id) {
        for (Batching batching : values()) {
            if (batching.id.equals(id)) {
                return batching;
            }
        }
        throw new IllegalArgumentException("unknown batching mode '" + id + "': choose stream or sentence");
    }

    /** The token a sentence follows in these batches: {@code <s>} for sentences, the previous {@code </s>} in a stream. */
    public String sentenceStart() {
        return this == SENTENCES ? Vocabulary.SENTENCE_START : Vocabulary.SENTENCE_END;
    }

    /**
     * Windows of up to {@code steps} × {@code rows} over {@code tokens}. Sentence batches need a word
     * vocabulary, and {@code seed} orders their windows; {@code what} names the data in error messages.
     */
    public Batches batches(TokenArray tokens, Vocabulary vocabulary, int rows, int steps, long seed, String what) {
        return switch (this) {
            case STREAM -> new StreamBatcher(tokens, rows, steps, what);
            case SENTENCES -> new SentenceBatcher(tokens, vocabulary.id(Vocabulary.SENTENCE_START),
                    vocabulary.id(Vocabulary.SENTENCE_END), rows, steps, new Rng(seed).nextLong(), what);
        };
    }
}
