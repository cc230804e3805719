package org.rnn4j.train;

import org.rnn4j.data.Batches;
import org.rnn4j.model.Workspace;

/** Receives each window an {@link Evaluator} has run: its predictions are in the workspace's probabilities. */
@FunctionalInterface
public interface WindowPredictions {

    /** Window {@code window} of {@code batches} (pass 0) has run forward in {@code ws}. */
    void accept(Batches batches, int window, Workspace ws);
}
