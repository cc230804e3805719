package org.rnn4j.train;

/**
 * Where a run is, beyond its weights: the next window to train ({@code epoch} counted from 0, {@code window}
 * within it), updates and tokens so far, training seconds, smooth loss, the best loss of the scheduled
 * validations and how many have not beaten it (what early stopping and the schedule see), the loss of the
 * model in best.safetensors ({@code bestSavedLoss}: that best, or lower when the validation at a stop beat
 * it), the dropout generator's state and the learning-rate state; {@code validationPending} when a stop
 * request cut short the evaluation due at {@code step}, which the resumed run then does first.
 */
public record TrainingState(int epoch, int window, long step, long tokens, double seconds, double smoothLoss,
                            double bestValidationLoss, int staleEvaluations, double bestSavedLoss, long rngState,
                            double[] learningRate, boolean validationPending) {

    public TrainingState {
        learningRate = learningRate.clone();
    }

    @Override
    public double[] learningRate() {
        return learningRate.clone();
    }

    /** This state with the learning-rate state {@code learningRate}. */
    public TrainingState withLearningRate(double[] learningRate) {
        return new TrainingState(epoch, window, step, tokens, seconds, smoothLoss, bestValidationLoss, staleEvaluations,
                bestSavedLoss, rngState, learningRate, validationPending);
    }

    /** This state at the start of its epoch on another text, with no best loss and no validation due yet. */
    public TrainingState onNewText() {
        return new TrainingState(epoch, 0, step, tokens, seconds, smoothLoss, Double.POSITIVE_INFINITY, 0,
                Double.POSITIVE_INFINITY, rngState, learningRate, false);
    }
}
