package org.rnn4j.sample;

/** How the next token is chosen from the model's distribution. */
public enum Decoding {
    /** Draw at random (after temperature, top-k and top-p). */
    SAMPLE,
    /** Always the most likely token. */
    GREEDY
}
