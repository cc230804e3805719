package org.rnn4j.model;

import java.util.Arrays;

/**
 * The state N rows carry from one window to the next: per layer, the cell's state vectors (h, and c
 * for the LSTM) laid out (stateVectors, N, H). Detached: backward never crosses a window boundary.
 */
public final class RecurrentState {

    private final float[][] layers; // per layer: (stateVectors, N, H)

    RecurrentState(float[][] layers) {
        this.layers = layers;
    }

    public int layerCount() {
        return layers.length;
    }

    /** The live state of one layer; layers read and overwrite it in place. */
    public float[] layer(int layer) {
        return layers[layer];
    }

    /** Back to the zero state (start of an epoch). */
    public void reset() {
        for (float[] layer : layers) {
            Arrays.fill(layer, 0f);
        }
    }

    /** Overwrites this state with {@code other}'s values (same shape). */
    public void copyFrom(RecurrentState other) {
        for (int l = 0; l < layers.length; l++) {
            System.arraycopy(other.layers[l], 0, layers[l], 0, layers[l].length);
        }
    }
}
