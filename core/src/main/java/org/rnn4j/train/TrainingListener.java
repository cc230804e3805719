package org.rnn4j.train;

import java.nio.file.Path;

/** What a training run reports as it goes. Every method is optional. */
public interface TrainingListener {

    default void onStart(TrainingProgress progress) {
    }

    default void onStep(TrainingProgress progress) {
    }

    default void onEvaluation(TrainingProgress progress, Evaluation validation, boolean best) {
    }

    default void onSample(TrainingProgress progress, String text) {
    }

    default void onCheckpoint(TrainingProgress progress, Path file) {
    }

    default void onEnd(TrainingProgress progress, StopReason reason) {
    }
}
