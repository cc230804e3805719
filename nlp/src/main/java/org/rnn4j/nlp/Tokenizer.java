package org.rnn4j.nlp;

import java.util.List;

/**
 * Cuts text into sentences of word tokens. Every sentence has at least one token; no token is empty or
 * holds whitespace. Implementations are safe to share between threads.
 */
public interface Tokenizer {

    /**
     * The sentences of {@code text} in order, each a list of word tokens.
     *
     * @param what names the text in error messages ("the corpus", "the prime text")
     * @throws org.rnn4j.InvalidInputException when the text has no token, or the tokenizer cannot handle it
     */
    List<List<String>> sentences(String text, String what);
}
