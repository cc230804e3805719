package org.rnn4j.optim;

import java.util.List;
import java.util.function.IntConsumer;

import org.rnn4j.kernel.Parallel;

/**
 * Updates a flat parameter buffer from its gradient buffer in one pass, split into {@link Chunks} on the
 * kernel pool. Moments have the same layout as the parameters, so a checkpoint stores each as one more
 * set of tensors. One thread calls {@link #step} at a time.
 */
public final class Optimizer {

    private final OptimizerConfig config;
    private final float[] first;  // (P) momentum buffer / Adam m / AdaGrad and RMSProp squared-gradient sums
    private final float[] second; // (P) Adam v; empty for the others
    private final IntConsumer updateChunk = this::updateChunk;
    private long steps;
    // the arguments of the running step, read by the chunk tasks
    private float[] values;   // (P)
    private float[] gradients; // (P)
    private float lr;

    public Optimizer(OptimizerConfig config, int size) {
        this.config = config;
        boolean hasFirst = config.kind() != OptimizerKind.SGD;
        boolean adam = config.kind() == OptimizerKind.ADAM || config.kind() == OptimizerKind.ADAMW;
        this.first = new float[hasFirst ? size : 0];
        this.second = new float[adam ? size : 0];
    }

    /** How many (P) moment buffers {@code kind} keeps: what {@link #moments()} returns. */
    public static int momentCount(OptimizerKind kind) {
        return switch (kind) {
            case SGD -> 0;
            case ADAM, ADAMW -> 2;
            default -> 1;
        };
    }

    public OptimizerConfig config() {
        return config;
    }

    /** Updates taken so far (Adam's bias correction counts them). */
    public long steps() {
        return steps;
    }

    /** Names of the moment buffers, in the order of {@link #moments()}: what a checkpoint stores. */
    public List<String> momentNames() {
        return switch (config.kind()) {
            case SGD -> List.of();
            case MOMENTUM, NESTEROV -> List.of("momentum_buffer");
            case ADAGRAD -> List.of("sum");
            case RMSPROP -> List.of("square_avg");
            case ADAM, ADAMW -> List.of("exp_avg", "exp_avg_sq");
        };
    }

    /** The live moment buffers, in the order of {@link #momentNames()}. */
    public List<float[]> moments() {
        return switch (config.kind()) {
            case SGD -> List.of();
            case ADAM, ADAMW -> List.of(first, second);
            default -> List.of(first);
        };
    }

    /** Restores the update count of a checkpoint (moments are restored through {@link #moments()}). */
    public void restoreSteps(long steps) {
        this.steps = steps;
    }

    /**
     * θ ← θ − update(∇θ) with learning rate {@code lr}, over the whole buffer. Each element's update is
     * independent of the others, so the {@link Chunks} may run on any threads.
     */
    public void step(float[] values, float[] gradients, float lr) {
        steps++;
        this.values = values;
        this.gradients = gradients;
        this.lr = lr;
        Parallel.forEach(Chunks.count(values.length), updateChunk);
        this.values = null;
        this.gradients = null;
    }

    private void updateChunk(int chunk) {
        int from = Chunks.start(chunk);
        int to = Chunks.end(chunk, values.length);
        float mu = config.momentum();
        float eps = config.epsilon();
        float decay = config.weightDecay();
        switch (config.kind()) {
            case SGD -> {
                for (int i = from; i < to; i++) {
                    values[i] -= lr * (gradients[i] + decay * values[i]);
                }
            }
            case MOMENTUM, NESTEROV -> {
                boolean nesterov = config.kind() == OptimizerKind.NESTEROV;
                for (int i = from; i < to; i++) {
                    float g = gradients[i] + decay * values[i];
                    first[i] = mu * first[i] + g;
                    values[i] -= lr * (nesterov ? g + mu * first[i] : first[i]);
                }
            }
            case ADAGRAD -> {
                for (int i = from; i < to; i++) {
                    float g = gradients[i] + decay * values[i];
                    first[i] += g * g;
                    values[i] -= lr * g / ((float) Math.sqrt(first[i]) + eps);
                }
            }
            case RMSPROP -> {
                float alpha = config.alpha();
                for (int i = from; i < to; i++) {
                    float g = gradients[i] + decay * values[i];
                    first[i] = alpha * first[i] + (1f - alpha) * g * g;
                    values[i] -= lr * g / ((float) Math.sqrt(first[i]) + eps);
                }
            }
            case ADAM, ADAMW -> adam(from, to);
        }
    }

    // m = β1·m + (1−β1)·g, v = β2·v + (1−β2)·g², θ −= lr·m̂/(√v̂ + ε); AdamW decays θ by lr·λ first
    private void adam(int from, int to) {
        float b1 = config.beta1();
        float b2 = config.beta2();
        float eps = config.epsilon();
        float decay = config.weightDecay();
        boolean decoupled = config.kind() == OptimizerKind.ADAMW;
        float correction1 = (float) (1.0 - Math.pow(b1, steps));
        float correction2Sqrt = (float) Math.sqrt(1.0 - Math.pow(b2, steps));
        float stepSize = lr / correction1;
        for (int i = from; i < to; i++) {
            float g = decoupled ? gradients[i] : gradients[i] + decay * values[i];
            if (decoupled) {
                values[i] -= lr * decay * values[i];
            }
            first[i] = b1 * first[i] + (1f - b1) * g;
            second[i] = b2 * second[i] + (1f - b2) * g * g;
            values[i] -= stepSize * first[i] / ((float) Math.sqrt(second[i]) / correction2Sqrt + eps);
        }
    }
}
