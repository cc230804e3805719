package org.rnn4j.esn;

import java.util.Arrays;
import org.rnn4j.InvalidInputException;

/** A multivariate time series: inputs u (T, K) and targets y (T, L), row-major, one row per step. */
public record Series(int steps, int inputs, int outputs, double[] u, double[] y) {

    public Series {
        if ((long) steps * inputs != u.length || (long) steps * outputs != y.length) {
            throw new IllegalArgumentException("series of " + steps + " steps needs " + steps * inputs + " inputs and "
                    + steps * outputs + " targets, got " + u.length + " and " + y.length);
        }
    }

    /** Steps [from, to) as a series of their own. */
    public Series slice(int from, int to) {
        if (from < 0 || to > steps || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") of a series of " + steps + " steps");
        }
        return new Series(to - from, inputs, outputs, Arrays.copyOfRange(u, from * inputs, to * inputs),
                Arrays.copyOfRange(y, from * outputs, to * outputs));
    }

    /** Refuses a series that has no step past the first {@code washout}. */
    public void requireLongerThan(int washout, String what) {
        if (steps <= washout) {
            throw new InvalidInputException(what + " has " + steps + " samples, not more than the washout of " + washout
                    + " steps that only warm the reservoir up; give more samples or a shorter washout");
        }
    }

    /**
     * Normalised root-mean-square error of {@code output} (T, L) against the targets from step {@code from} on:
     * √(Σ(y − ŷ)² / Σ(y − ȳ)²), each output's mean ȳ taken over the same steps; 1 is as good as predicting
     * the mean.
     */
    public double nrmse(double[] output, int from) {
        double[] mean = new double[outputs];
        for (int t = from; t < steps; t++) {
            for (int k = 0; k < outputs; k++) {
                mean[k] += y[t * outputs + k] / (steps - from);
            }
        }
        double error = 0;
        double spread = 0;
        for (int t = from; t < steps; t++) {
            for (int k = 0; k < outputs; k++) {
                double target = y[t * outputs + k];
                error += (target - output[t * outputs + k]) * (target - output[t * outputs + k]);
                spread += (target - mean[k]) * (target - mean[k]);
            }
        }
        return Math.sqrt(error / spread);
    }
}
