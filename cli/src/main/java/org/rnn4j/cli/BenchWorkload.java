package org.rnn4j.cli;

/** What a benchmark repeats: one training update or one sampled token, and how many tokens that is. */
interface BenchWorkload {

    /** Runs one step. */
    void step();

    /** Tokens one step processes (trained on or generated). */
    int tokensPerStep();

    /** Parameters of the model the workload runs. */
    long parameters();
}
