package org.rnn4j.data;

import org.rnn4j.model.Workspace;

/**
 * A token sequence cut into windows of up to T steps × N rows for training or scoring. A pass visits
 * windows 0 … {@link #windows()} − 1; window w of pass p is always the same tokens for the same
 * {@code p}, so a resumed run sees exactly what an uninterrupted one would.
 */
public interface Batches {

    /** N: rows per window. */
    int rows();

    /** T: the most steps a window has; workspaces are made for this many. */
    int steps();

    /** Windows per pass. */
    int windows();

    /** True when each window continues the previous one's rows, so the hidden state carries across them. */
    boolean carriesState();

    /**
     * Writes window {@code window} of pass {@code pass} into {@code ws}: its step count, its inputs and its
     * targets ({@link org.rnn4j.kernel.Kernels#PADDING} where a row has no token).
     */
    void fill(int pass, int window, Workspace ws);

    /** Where in the token sequence the target of step {@code step}, row {@code row} of window {@code window} lies. */
    long position(int pass, int window, int step, int row);
}
