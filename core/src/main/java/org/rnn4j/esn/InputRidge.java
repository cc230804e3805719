package org.rnn4j.esn;

import java.util.Arrays;

/**
 * The baseline an echo state network must beat: a ridge regression of the targets on the raw input alone,
 * ŷ_t = W·[1; u_t] with W (L, 1+K), fitted on the same steps as the network's read-out.
 */
public final class InputRidge {

    private InputRidge() {
    }

    /** The baseline's outputs (T', L) on {@code test}, fitted on the steps of {@code train} after {@code washout}. */
    public static double[] predict(Series train, Series test, int washout, double lambda) {
        train.requireLongerThan(washout, "the training data");
        int d = 1 + train.inputs();
        int l = train.outputs();
        int rows = train.steps() - washout;
        double[] w = Ridge.fit(features(train, washout), Arrays.copyOfRange(train.y(), washout * l, train.y().length),
                rows, d, l, lambda);
        double[] x = features(test, 0);
        double[] out = new double[test.steps() * l];
        for (int t = 0; t < test.steps(); t++) {
            for (int k = 0; k < l; k++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += w[k * d + j] * x[t * d + j];
                }
                out[t * l + k] = sum;
            }
        }
        return out;
    }

    /** [1; u_t] for the steps from {@code from} on: (T − from, 1+K). */
    private static double[] features(Series series, int from) {
        int d = 1 + series.inputs();
        double[] x = new double[(series.steps() - from) * d];
        for (int t = from; t < series.steps(); t++) {
            x[(t - from) * d] = 1;
            System.arraycopy(series.u(), t * series.inputs(), x, (t - from) * d + 1, series.inputs());
        }
        return x;
    }
}
