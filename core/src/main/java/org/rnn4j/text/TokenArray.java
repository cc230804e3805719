package org.rnn4j.text;

import java.util.Objects;

/**
 * Token ids read by position: an {@code int[]} in memory, or a {@link TokenFile} mapped from disk, so that
 * training reads its windows from a corpus larger than memory as it reads them from an array.
 */
public interface TokenArray extends TokenSequence {

    /** The token at {@code index}, 0 ≤ index < {@link #length()}. */
    int get(long index);

    /** Tokens [from, to) as an array of their own, read in place. */
    default TokenArray slice(long from, long to) {
        Objects.checkFromToIndex(from, to, length());
        TokenArray whole = this;
        return new TokenArray() {
            @Override
            public long length() {
                return to - from;
            }

            @Override
            public int get(long index) {
                return whole.get(from + Objects.checkIndex(index, to - from));
            }
        };
    }

    @Override
    default TokenCursor cursor() {
        return new TokenCursor() {
            private long at;

            @Override
            public void seek(long start) {
                at = Objects.checkFromToIndex(start, length(), length());
            }

            @Override
            public int next() {
                return get(at++);
            }
        };
    }

    /** The tokens of an array, which is read in place. */
    static TokenArray of(int[] tokens) {
        return new TokenArray() {
            @Override
            public long length() {
                return tokens.length;
            }

            @Override
            public int get(long index) {
                return tokens[Math.toIntExact(index)];
            }
        };
    }
}
