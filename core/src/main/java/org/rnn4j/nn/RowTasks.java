package org.rnn4j.nn;

import java.util.function.IntConsumer;
import org.rnn4j.kernel.Parallel;

/**
 * Runs a pass over R independent rows on the worker pool, the rows split into equal chunks, one per thread:
 * each row is computed the same whichever task runs it, so the split changes no bit. (The rows may be the
 * columns of a sum over positions, each column summed in position order.) A pass of fewer than
 * {@value #SERIAL} values stays on the calling thread. One instance serves one caller at a time; the body is
 * a field holding a method reference (no allocation per pass), which reads its other arguments from its owner.
 */
public final class RowTasks {

    /** Below this many values (rows × width) a pass stays on the calling thread. */
    private static final long SERIAL = 8192;

    /** A pass over the rows [first, end). */
    @FunctionalInterface
    public interface Body {
        void rows(int first, int end);
    }

    private final IntConsumer task = this::runTask;
    private Body body;
    private int rows;
    private int chunk;

    /** Runs {@code body} over rows 0..rows−1 of {@code width} values each; returns when all are done. */
    public void run(int rows, int width, Body body) {
        int threads = (long) rows * width < SERIAL ? 1 : Math.min(Parallel.threads(), rows);
        this.rows = rows;
        this.chunk = (rows + threads - 1) / threads;
        this.body = body;
        try {
            Parallel.forEach(chunk == 0 ? 0 : (rows + chunk - 1) / chunk, task);
        } finally {
            this.body = null;
        }
    }

    private void runTask(int t) {
        body.rows(t * chunk, Math.min(rows, (t + 1) * chunk));
    }
}
