package org.rnn4j.cli;

/** What a benchmark configuration repeats. */
enum BenchTask {
    /** Training updates of a language model on windows of random tokens. */
    TRAIN,
    /** Sampling one token per stream from a language model. */
    SAMPLE,
    /** Training updates of a sequence classifier on random sequences of varying length, one per row. */
    CLASSIFY
}
