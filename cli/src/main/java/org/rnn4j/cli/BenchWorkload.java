package org.rnn4j.cli;

/** What a benchmark repeats: one training update or one sampled token, and how many tokens that is. */
interface BenchWorkload {

    /** Runs one step. */
    void step();

    /** Tokens one step processes (trained on or generated). */
    int tokensPerStep();

    /** Parameters of the model the workload runs. */
    long parameters();

    /**
     * Steps after which the workload starts its data over (and resets its state): the warm-up runs past
     * that point, so no path of a step runs for the first time, and is compiled, while the windows are timed.
     */
    default int cycleSteps() {
        return 1;
    }
}
