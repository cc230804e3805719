package org.rnn4j.model;

/** How parameters start. */
public enum InitScheme {
    /** PyTorch's defaults: recurrent and decoder tensors uniform ±1/√H, embedding N(0, 1). */
    PYTORCH,
    /** Every tensor uniform ±scale (Zaremba et al. use 0.1). */
    UNIFORM,
    /** Weights N(0, scale²), biases zero (the minimal character RNN uses scale 0.01). */
    GAUSSIAN
}
