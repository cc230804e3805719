package org.rnn4j.train;

/** Why a training run ended. */
public enum StopReason {
    EPOCHS("finished the requested epochs"),
    MAX_STEPS("reached the step limit"),
    TIME("reached the time limit"),
    EARLY_STOPPING("validation loss stopped improving"),
    INTERRUPTED("interrupted");

    private final String description;

    StopReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
