package org.rnn4j.model;

/** Whether a forward pass trains (dropout active, backward follows) or only evaluates. */
public enum Mode {
    TRAINING,
    EVALUATION
}
