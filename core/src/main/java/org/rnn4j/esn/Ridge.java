package org.rnn4j.esn;

import org.rnn4j.InvalidInputException;

/**
 * Ridge regression: the W (L, D) that minimises ‖X·Wᵀ − Y‖² + λ‖W‖² for rows X (T, D) and targets Y (T, L),
 * from the normal equations (XᵀX + λI)·Wᵀ = XᵀY solved by a Cholesky factorisation XᵀX + λI = C·Cᵀ.
 */
public final class Ridge {

    private Ridge() {
    }

    /** W (L, D) for X (T, D), Y (T, L) and λ ≥ 0. */
    public static double[] fit(double[] x, double[] y, int rows, int d, int l, double lambda) {
        double[] a = new double[d * d]; // XᵀX + λI, lower triangle, (D, D)
        double[] b = new double[d * l]; // XᵀY (D, L)
        for (int r = 0; r < rows; r++) {
            int xr = r * d;
            for (int i = 0; i < d; i++) {
                double xi = x[xr + i];
                if (xi == 0) {
                    continue;
                }
                int ai = i * d;
                for (int j = 0; j <= i; j++) {
                    a[ai + j] += xi * x[xr + j];
                }
                for (int k = 0; k < l; k++) {
                    b[i * l + k] += xi * y[r * l + k];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            a[i * d + i] += lambda;
        }
        choleskyInPlace(a, d);
        double[] wT = solve(a, b, d, l); // (D, L)
        double[] w = new double[l * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < l; k++) {
                w[k * d + i] = wT[i * l + k];
            }
        }
        return w;
    }

    /** A (D, D) symmetric positive definite, lower triangle given, becomes C with A = C·Cᵀ (lower). */
    static void choleskyInPlace(double[] a, int d) {
        for (int j = 0; j < d; j++) {
            double diagonal = a[j * d + j];
            double pivot = diagonal;
            for (int k = 0; k < j; k++) {
                pivot -= a[j * d + k] * a[j * d + k];
            }
            if (!(pivot > diagonal * d * Math.ulp(1.0))) { // at rounding level: what is left of the column is noise
                throw new InvalidInputException("the read-out's normal equations are singular (feature " + j
                        + " depends on the others); raise the ridge λ");
            }
            double cjj = Math.sqrt(pivot);
            a[j * d + j] = cjj;
            for (int i = j + 1; i < d; i++) {
                double sum = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    sum -= a[i * d + k] * a[j * d + k];
                }
                a[i * d + j] = sum / cjj;
            }
        }
    }

    /** X (D, L) with C·Cᵀ·X = B: forward substitution C·Z = B, then back substitution Cᵀ·X = Z. */
    static double[] solve(double[] c, double[] b, int d, int l) {
        double[] x = b.clone();
        for (int k = 0; k < l; k++) {
            for (int i = 0; i < d; i++) {
                double sum = x[i * l + k];
                for (int j = 0; j < i; j++) {
                    sum -= c[i * d + j] * x[j * l + k];
                }
                x[i * l + k] = sum / c[i * d + i];
            }
            for (int i = d - 1; i >= 0; i--) {
                double sum = x[i * l + k];
                for (int j = i + 1; j < d; j++) {
                    sum -= c[j * d + i] * x[j * l + k];
                }
                x[i * l + k] = sum / c[i * d + i];
            }
        }
        return x;
    }
}
