package org.rnn4j.train;

import org.rnn4j.InvalidInputException;

/** Training stopped because the loss became NaN, infinite or exploded; no bad weights were saved. */
public final class TrainingDivergedException extends InvalidInputException {

    public TrainingDivergedException(String message) {
        super(message);
    }
}
