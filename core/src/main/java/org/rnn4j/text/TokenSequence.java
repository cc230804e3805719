package org.rnn4j.text;

/**
 * Token ids in text order, read through cursors: an array in memory, or a text file decoded as it is read
 * ({@link CodePointFile}), so that a text need not fit in memory to be scored.
 */
public interface TokenSequence {

    /** How many tokens the sequence has. */
    long length();

    /** A cursor of its own, to be {@link TokenCursor#seek seeked} before it reads. */
    TokenCursor cursor();

    /** The tokens of an array, which is read in place. */
    static TokenSequence of(int[] tokens) {
        return new TokenSequence() {
            @Override
            public long length() {
                return tokens.length;
            }

            @Override
            public TokenCursor cursor() {
                return new TokenCursor() {
                    private int at;

                    @Override
                    public void seek(long start) {
                        at = Math.toIntExact(start);
                    }

                    @Override
                    public int next() {
                        return tokens[at++];
                    }
                };
            }
        };
    }
}
