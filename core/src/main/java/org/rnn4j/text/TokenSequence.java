package org.rnn4j.text;

/**
 * Token ids in text order, read through cursors: an array in memory or a token file ({@link TokenArray}), or a
 * text file decoded as it is read ({@link CodePointFile}), so that a text need not fit in memory to be scored.
 */
public interface TokenSequence {

    /** How many tokens the sequence has. */
    long length();

    /** A cursor of its own, to be {@link TokenCursor#seek seeked} before it reads. */
    TokenCursor cursor();

}
