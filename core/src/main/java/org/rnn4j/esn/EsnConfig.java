package org.rnn4j.esn;

import org.rnn4j.InvalidInputException;
import org.rnn4j.model.MemoryEstimate;

/**
 * An echo state network's shape and its reservoir's recipe. K inputs, N reservoir units, L outputs; each row
 * of the reservoir W has about {@code connectivity}·N non-zero weights, and W is scaled so that its largest
 * eigenvalue magnitude is {@code spectralRadius}. W_in's input columns are uniform in ±{@code inputScaling},
 * its bias column uniform in ±{@code inputBias}; W_fb (the outputs fed back) uniform in
 * ±{@code feedbackScaling}, 0 for none. {@code leakRate} a ∈ (0, 1] mixes old state and new; the first
 * {@code washout} steps of a series only warm the state up; {@code ridge} is the read-out's λ;
 * {@code noise} is the amplitude of uniform noise added to the state while the read-out is fitted with the
 * target fed back, which keeps a free-running generator stable.
 */
public record EsnConfig(int inputs, int reservoirSize, int outputs, double connectivity, double spectralRadius,
                        double inputScaling, double inputBias, double feedbackScaling, double leakRate, int washout,
                        double ridge, double noise, long seed) {

    /** The largest reservoir: W is written to a file as one dense (N, N) F32 tensor, at most 2 GB. */
    public static final int MAX_RESERVOIR = 23_170; // 4·N² < 2³¹

    public EsnConfig {
        positive("reservoir size", reservoirSize);
        if (inputs < 0) {
            throw new InvalidInputException("the number of inputs must be zero or more, got " + inputs);
        }
        positive("number of outputs", outputs);
        if (reservoirSize > MAX_RESERVOIR) {
            throw new InvalidInputException("a reservoir of " + reservoirSize + " units is larger than the " + MAX_RESERVOIR
                    + " whose N×N weights fit one file tensor; choose a smaller reservoir size");
        }
        if (!(connectivity > 0 && connectivity <= 1)) {
            throw new InvalidInputException("connectivity is the fraction of non-zero reservoir weights: it must be in (0, 1], got " + connectivity);
        }
        if (!(spectralRadius > 0) || !Double.isFinite(spectralRadius)) {
            throw new InvalidInputException("the spectral radius must be greater than 0, got " + spectralRadius
                    + "; values just below 1 (0.8 to 0.99) are usual");
        }
        nonNegative("input scaling", inputScaling);
        nonNegative("input bias", inputBias);
        nonNegative("feedback scaling", feedbackScaling);
        nonNegative("ridge", ridge);
        nonNegative("noise", noise);
        if (!(leakRate > 0 && leakRate <= 1)) {
            throw new InvalidInputException("the leak rate must be in (0, 1], got " + leakRate);
        }
        if (washout < 0) {
            throw new InvalidInputException("the washout must be zero or more steps, got " + washout);
        }
    }

    /** Whether the outputs are fed back into the reservoir. */
    public boolean feedback() {
        return feedbackScaling > 0;
    }

    /** Read-out features D = 1 + K + N: a constant, the input and the state. */
    public int features() {
        return 1 + inputs + reservoirSize;
    }

    /**
     * The heap a network needs to be made, fitted on {@code steps} steps and saved, counted before any array
     * is allocated: the sparse W (values and columns), the dense W written to a file, the states collected
     * for the fit (steps × D) and the normal equations (D × D).
     */
    public MemoryEstimate memory(long steps) {
        long n = reservoirSize;
        long nonZeros = MemoryEstimate.product(n, Math.max(1, Math.round(connectivity * n)));
        long d = features();
        return new MemoryEstimate()
                .add("the reservoir's weights, drawn and scaled", 2, nonZeros, Float.BYTES)
                .add("the reservoir's columns", nonZeros, Integer.BYTES)
                .add("the reservoir as a dense tensor", MemoryEstimate.product(n, n), Float.BYTES)
                .add("the collected states", MemoryEstimate.product(steps, d), Double.BYTES)
                .add("the normal equations", MemoryEstimate.product(d, d), Double.BYTES);
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new InvalidInputException("the " + name + " must be positive, got " + value);
        }
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new InvalidInputException(name + " must be zero or positive, got " + value);
        }
    }
}
