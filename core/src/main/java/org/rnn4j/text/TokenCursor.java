package org.rnn4j.text;

/** Reads a {@link TokenSequence} forward from a position; reading past its end is the caller's error. */
public interface TokenCursor {

    /** The next {@link #next()} returns token {@code start}. */
    void seek(long start);

    /** The token at the cursor; the cursor moves one token on. */
    int next();
}
