package org.rnn4j.model;

/**
 * Initial values: a scheme with its scale (unused by {@link InitScheme#PYTORCH}), the LSTM forget-gate
 * bias (0 keeps the scheme's biases), and whether the decoder starts at zero (uniform first predictions).
 */
public record Initialization(InitScheme scheme, float scale, float forgetBias, boolean zeroDecoder) {

    public Initialization {
        if (scheme == null) {
            throw new IllegalArgumentException("an initialization scheme is required");
        }
        if (scheme != InitScheme.PYTORCH && !(scale > 0f && Float.isFinite(scale))) {
            throw new IllegalArgumentException("initialization scale must be positive, got " + scale);
        }
        if (!Float.isFinite(forgetBias)) {
            throw new IllegalArgumentException("forget-gate bias must be finite, got " + forgetBias);
        }
    }

    /** PyTorch's defaults. */
    public static Initialization pytorch() {
        return new Initialization(InitScheme.PYTORCH, 0f, 0f, false);
    }
}
