package org.rnn4j.model;

/**
 * The state N rows carry from one window to the next: per layer, the cell's state vectors (h, and c
 * for the LSTM) laid out (stateVectors, N, H). Detached: backward never crosses a window boundary, except
 * into a learned initial state, which a window that runs from a {@link #reset()} reaches.
 */
public final class RecurrentState {

    private final float[][] layers;           // per layer: (stateVectors, N, H)
    private final InitialStateLayer initial;  // what a reset writes
    private boolean atReset;                  // reset and not yet run from: a window from here starts at the initial state

    RecurrentState(float[][] layers, InitialStateLayer initial) {
        this.layers = layers;
        this.initial = initial;
        reset();
    }

    public int layerCount() {
        return layers.length;
    }

    /** The live state of one layer; layers read and overwrite it in place. */
    public float[] layer(int layer) {
        return layers[layer];
    }

    /**
     * Back to the initial state (start of an epoch, of a sequence, of sampling): zero, or the learned h₀ (and c₀)
     * of each layer in every row, as the parameters hold them now.
     */
    public void reset() {
        for (int l = 0; l < layers.length; l++) {
            initial.forward(l, layers[l]);
        }
        atReset = true;
    }

    /**
     * Overwrites layer {@code layer} with {@code values} (stateVectors, N, H), a state carried from elsewhere (a
     * checkpoint, another run): a window that runs from it does not start at the initial state.
     */
    public void set(int layer, float[] values) {
        if (values.length != layers[layer].length) {
            throw new IllegalArgumentException("layer " + layer + " holds " + layers[layer].length + " values, got " + values.length);
        }
        System.arraycopy(values, 0, layers[layer], 0, values.length);
        atReset = false;
    }

    /** Overwrites this state with {@code other}'s values (same shape), and whether it is at a reset. */
    public void copyFrom(RecurrentState other) {
        for (int l = 0; l < layers.length; l++) {
            System.arraycopy(other.layers[l], 0, layers[l], 0, layers[l].length);
        }
        atReset = other.atReset;
    }

    /** Whether the next window starts at the initial state: true from a {@link #reset()} until a window runs. */
    public boolean atReset() {
        return atReset;
    }

    /** A window ran from this state, which now holds its final state. */
    void advanced() {
        atReset = false;
    }
}
