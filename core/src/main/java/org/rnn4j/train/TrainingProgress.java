package org.rnn4j.train;

/**
 * A live view of a running training, updated after every step; listeners read it and must not keep it.
 */
public final class TrainingProgress {

    int epoch;              // counted from 1 for display
    int window;             // windows done in this epoch
    int windowsPerEpoch;
    long step;
    long totalSteps;        // 0 when bounded only by time
    long tokens;
    double loss;            // last window, nats per token
    double smoothLoss;
    float learningRate;
    double seconds;         // training time so far, resumed runs included
    double tokensPerSecond; // over this session

    public int epoch() {
        return epoch;
    }

    public int window() {
        return window;
    }

    public int windowsPerEpoch() {
        return windowsPerEpoch;
    }

    public long step() {
        return step;
    }

    public long totalSteps() {
        return totalSteps;
    }

    public long tokens() {
        return tokens;
    }

    public double loss() {
        return loss;
    }

    public double smoothLoss() {
        return smoothLoss;
    }

    public float learningRate() {
        return learningRate;
    }

    public double seconds() {
        return seconds;
    }

    public double tokensPerSecond() {
        return tokensPerSecond;
    }
}
