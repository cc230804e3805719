package org.rnn4j.nlp;

import java.util.List;

/**
 * What a sequence model reads of a text, one token per step: its characters, its words, or its words'
 * part-of-speech tags. The same text gives as many {@link #POS} tags as {@link #WORD} words.
 */
public enum TokenLevel {
    /** Unicode code points, each as a string of one or two chars; spaces and punctuation included. */
    CHAR("char"),
    /** The words of {@link OpenNlpTokenizer}, as written, sentence after sentence. */
    WORD("word"),
    /** The {@link PartOfSpeechTagger}'s tag of each word (Universal Dependencies tags). */
    POS("pos");

    private static final Tokenizer WORDS = new OpenNlpTokenizer(Casing.AS_WRITTEN);
    private static final PartOfSpeechTagger TAGGER = new PartOfSpeechTagger();

    private final String id;

    TokenLevel(String id) {
        this.id = id;
    }

    /** The name on the command line and in saved settings: char, word or pos. */
    public String id() {
        return id;
    }

    /** The level with that id; throws with the list of choices otherwise. */
    public static TokenLevel fromId(String id) {
        for (TokenLevel level : values()) {
            if (level.id.equals(id)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown token level '" + id + "': choose one of char, word, pos");
    }

    /**
     * The tokens of {@code text}, in order; {@code what} names it in errors (word and pos levels refuse a
     * text with no word, or one that is not mostly in Latin letters: see {@link OpenNlpTokenizer}).
     */
    public List<String> tokens(String text, String what) {
        return switch (this) {
            case CHAR -> text.codePoints().mapToObj(Character::toString).toList();
            case WORD -> WORDS.sentences(text, what).stream().flatMap(List::stream).toList();
            case POS -> TAGGER.tag(text, what);
        };
    }

    /** {@link #tokens(String, String)} of a text named "the text" in errors. */
    public List<String> tokens(String text) {
        return tokens(text, "the text");
    }
}
