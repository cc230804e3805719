package org.rnn4j.train;

import org.rnn4j.data.Batching;
import org.rnn4j.model.Initialization;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.ScheduleConfig;

/**
 * How to train: B streams × T-step windows cut as {@code batching} says; stop after {@code epochs}, {@code maxSteps} (0 = no limit) or
 * {@code minutes} (0 = no limit) or when validation has not improved for {@code patience} evaluations
 * (0 = never); optimizer, learning rate and schedule; clipping by global norm ({@code gradClip}) and by
 * value ({@code clipValue}), 0 = off; evaluate every {@code evalEvery} steps, sample every
 * {@code sampleEvery} steps (0 = never), log every {@code logEvery} steps; {@code seed} fixes the run.
 * Validation scores the first {@code validationTokens} positions of the validation split, the same ones
 * every time (0 = all of it).
 */
public record TrainConfig(Batching batching, int batchSize, int seqLength, int epochs, long maxSteps, double minutes, int patience,
                          OptimizerConfig optimizer, float learningRate, ScheduleConfig schedule,
                          float gradClip, float clipValue, int evalEvery, int sampleEvery, int logEvery,
                          Initialization initialization, long seed, long validationTokens) {

    public TrainConfig {
        if (batching == null) {
            throw new IllegalArgumentException("a batching mode is required");
        }
        positive("batch size", batchSize);
        positive("sequence length", seqLength);
        positive("epochs", epochs);
        positive("evaluation interval", evalEvery);
        positive("log interval", logEvery);
        if (maxSteps < 0 || minutes < 0 || !Double.isFinite(minutes) || patience < 0 || sampleEvery < 0 || validationTokens < 0) {
            throw new IllegalArgumentException("step limit, minutes, patience, sample interval and validation tokens must be zero or positive");
        }
        if (!(learningRate > 0f && Float.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(gradClip >= 0f) || !(clipValue >= 0f)) {
            throw new IllegalArgumentException("clipping thresholds must be zero (off) or positive");
        }
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
