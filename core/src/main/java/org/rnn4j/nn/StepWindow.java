package org.rnn4j.nn;

import org.rnn4j.kernel.PackedMatrix;

/**
 * What every cell's window shares: the shape, the hidden states ((T+1)·N, H) with h_{−1} in front (so the
 * "previous h" of all steps is one contiguous block and the output starts at row N), the packed copy of
 * W_hh that a forward-only window reads, and the step-gradient bookkeeping of the backward loop.
 */
public abstract class StepWindow implements RecurrentLayer.Window {

    protected final int capacity; // most steps a window can hold
    protected int steps;          // steps of the current window
    protected final int rows;
    protected final int hidden;
    protected final int block;   // N·H: one step of states
    protected final float[] hs;  // ((T+1)·N, H) h_{−1}, h_0, …, h_{T−1}: step t at row (t+1)·N
    protected final float[] dh;  // (N, H) dL/dh_t flowing back through time
    protected final PackedMatrix packedHh; // (G·H, H) W_hh for the recurrent products, or null to read the parameters

    protected StepWindow(int steps, int rows, int hidden, PackedMatrix packedHh) {
        this.capacity = steps;
        this.steps = steps;
        this.rows = rows;
        this.hidden = hidden;
        this.block = rows * hidden;
        this.hs = new float[(steps + 1) * block];
        this.dh = new float[block];
        this.packedHh = packedHh;
    }

    @Override
    public final void useSteps(int steps) {
        if (steps <= 0 || steps > capacity) {
            throw new IllegalArgumentException("a window of " + capacity + " steps cannot run " + steps);
        }
        this.steps = steps;
    }

    @Override
    public final float[] output() {
        return hs;
    }

    @Override
    public final int outputOffset() {
        return block;
    }

    /** dh += dOutput of step t: the gradient from above joins the one from the future. */
    protected final void addOutputGradient(float[] dOutput, int t) {
        for (int i = 0; i < block; i++) {
            dh[i] += dOutput[t * block + i];
        }
    }
}
