package org.rnn4j.kernel;

/** Element-wise non-linearity of a vanilla recurrent layer. */
public enum Activation {
    TANH,
    RELU,
    SIGMOID
}
