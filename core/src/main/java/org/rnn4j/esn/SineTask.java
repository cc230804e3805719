package org.rnn4j.esn;

import org.rnn4j.random.Rng;

/**
 * Jaeger's tunable frequency generator: the input is a slowly varying frequency, the target a sine wave of
 * that frequency. The angular frequency ω(t) = ω̄ + Δ·s(t), with s(t) ∈ [−1, 1] a sum of two slow sines of
 * random phase (periods {@value #SLOW_PERIOD} and {@value #SLOWER_PERIOD} steps); the input is s(t), the
 * target sin φ(t) with φ(t) = φ(t−1) + ω(t). Periods of the target run from 2π/(ω̄+Δ) ≈ 31 to 2π/(ω̄−Δ) ≈ 126 steps.
 */
public final class SineTask {

    static final double MEAN_FREQUENCY = 0.125; // ω̄, radians per step
    static final double FREQUENCY_SWING = 0.075; // Δ
    static final int SLOW_PERIOD = 1_300;
    static final int SLOWER_PERIOD = 3_100;

    private SineTask() {
    }

    /** {@code steps} steps of (frequency input, sine target), the phases of the slow sines drawn from {@code seed}. */
    public static Series generate(int steps, long seed) {
        Rng rng = new Rng(seed);
        double phaseA = 2 * Math.PI * rng.nextDouble();
        double phaseB = 2 * Math.PI * rng.nextDouble();
        double[] u = new double[steps];
        double[] y = new double[steps];
        double phase = 0;
        for (int t = 0; t < steps; t++) {
            double s = 0.6 * Math.sin(2 * Math.PI * t / SLOW_PERIOD + phaseA) + 0.4 * Math.sin(2 * Math.PI * t / SLOWER_PERIOD + phaseB);
            phase += MEAN_FREQUENCY + FREQUENCY_SWING * s;
            u[t] = s;
            y[t] = Math.sin(phase);
        }
        return new Series(steps, 1, 1, u, y);
    }
}
