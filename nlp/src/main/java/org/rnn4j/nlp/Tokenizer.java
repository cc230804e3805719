package org.rnn4j.nlp;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

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
    default List<List<String>> sentences(String text, String what) {
        List<List<String>> sentences = new ArrayList<>();
        sentences(lines(text), what, sentences::add);
        return sentences;
    }

    /**
     * The sentences of a text read line by line, handed to {@code sentences} in order as they are cut: the
     * sentences of the text the lines make, holding no more of it than a paragraph (a line, in whitespace mode).
     *
     * @param lines the text's lines, each with the {@code '\n'} that ends it (the last may have none)
     * @throws org.rnn4j.InvalidInputException as {@link #sentences(String, String)}, once the text is read
     *         for the checks that need all of it
     */
    void sentences(Iterator<String> lines, String what, Consumer<List<String>> sentences);

    /** The lines of {@code text}, each with the {@code '\n'} that ends it (the last may have none). */
    static Iterator<String> lines(String text) {
        return new Iterator<>() {
            private int start;

            @Override
            public boolean hasNext() {
                return start < text.length();
            }

            @Override
            public String next() {
                if (start >= text.length()) {
                    throw new NoSuchElementException();
                }
                int newline = text.indexOf('\n', start);
                int end = newline < 0 ? text.length() : newline + 1;
                String line = text.substring(start, end);
                start = end;
                return line;
            }
        };
    }
}
