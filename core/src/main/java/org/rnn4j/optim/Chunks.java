package org.rnn4j.optim;

/**
 * The fixed partition of a flat buffer of n floats that the optimizer and clipping passes run over,
 * one pool task per chunk: chunk c covers [c·SIZE, min(n, (c+1)·SIZE)) whichever thread runs it. The
 * chunks depend on n alone, so element-wise passes and chunk-ordered sums give the same bits for any
 * thread count, and a buffer of at most one chunk stays on the calling thread.
 */
final class Chunks {

    /** Floats per chunk: enough work to pay a hand-off to another thread. */
    static final int SIZE = 1 << 16;

    private Chunks() {
    }

    static int count(int n) {
        return (n + SIZE - 1) / SIZE;
    }

    static int start(int chunk) {
        return chunk * SIZE;
    }

    static int end(int chunk, int n) {
        return Math.min(n, start(chunk) + SIZE);
    }
}
