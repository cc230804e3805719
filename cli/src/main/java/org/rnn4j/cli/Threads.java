package org.rnn4j.cli;

import org.rnn4j.InvalidInputException;
import org.rnn4j.kernel.Parallel;

/** Applies the --threads option before any kernel runs. */
final class Threads {

    private Threads() {
    }

    static void configure(Integer threads) {
        if (threads == null) {
            return;
        }
        if (threads < 1) {
            throw new InvalidInputException("--threads must be at least 1, got " + threads);
        }
        Parallel.setThreads(threads);
    }
}
