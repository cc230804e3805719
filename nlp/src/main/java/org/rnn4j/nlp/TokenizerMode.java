package org.rnn4j.nlp;

/** How a {@link Tokenizer} finds sentences and words. */
public enum TokenizerMode {
    /** English text as written: OpenNLP's sentence detector and word tokenizer ({@link OpenNlpTokenizer}). */
    OPENNLP("opennlp"),
    /** Text already tokenized: one sentence per line, tokens between whitespace ({@link WhitespaceTokenizer}). */
    WHITESPACE("whitespace");

    private final String id;

    TokenizerMode(String id) {
        this.id = id;
    }

    /** The name used on the command line and in checkpoints. */
    public String id() {
        return id;
    }

    /** The mode with that id; throws with the list of choices otherwise. */
    public static TokenizerMode fromId(String id) {
        for (TokenizerMode mode : values()) {
            if (mode.id.equals(id)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown tokenizer mode '" + id + "': choose one of opennlp, whitespace");
    }
}
