package org.rnn4j.cli;

import org.rnn4j.InvalidInputException;
import org.rnn4j.kernel.Parallel;
import picocli.CommandLine.Option;

/** The --threads option shared by the commands that run kernels; applied before any kernel runs. */
public final class Threads {

    @Option(names = "--threads", description = "Worker threads for the kernels (default: all cores)")
    Integer threads;

    public void apply() {
        if (threads == null) {
            return;
        }
        if (threads < 1) {
            throw new InvalidInputException("--threads must be at least 1, got " + threads);
        }
        Parallel.setThreads(threads);
    }
}
