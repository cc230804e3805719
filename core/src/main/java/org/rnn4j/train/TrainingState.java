package org.rnn4j.train;

/**
 * Where a run is, beyond its weights: the next window to train ({@code epoch} counted from 0, {@code window}
 * within it), updates and tokens so far, training seconds, smooth loss, the best validation loss and how
 * many evaluations have not beaten it, the dropout generator's state and the learning-rate state;
 * {@code validationPending} when a stop request cut short the evaluation due at {@code step}, which the
 * resumed run then does first.
 */
public record TrainingState(int epoch, int window, long step, long tokens, double seconds, double smoothLoss,
                            double bestValidationLoss, int staleEvaluations, long rngState, double[] learningRate,
                            boolean validationPending) {

    public TrainingState {
        learningRate = learningRate.clone();
    }

    @Override
    public double[] learningRate() {
        return learningRate.clone();
    }
}
