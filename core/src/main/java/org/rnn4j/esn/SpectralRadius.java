package org.rnn4j.esn;

import org.rnn4j.random.Rng;

/**
 * The largest eigenvalue magnitude ρ of a square matrix that need not be symmetric, as the mean log growth
 * of power iteration: with v_{k+1} = W·v_k / ‖W·v_k‖, ‖W^k·v_0‖ = Π‖W·v_j‖ grows like ρ^k times a bounded
 * factor, whatever the dominant eigenvalues are: one real value, a complex pair λ, λ̄ (where the iterate
 * rotates rather than converges and the one-step ratio ‖W·v‖ oscillates), or several of nearly equal
 * modulus. After a burn-in of {@value #BURN_IN} steps, log ρ is the least-squares slope of
 * s_k = Σ_{j<k} log‖W·v_j‖ against k; the stretch doubles until two slopes agree to 10⁻⁸.
 */
public final class SpectralRadius {

    private static final int BURN_IN = 1_000;
    private static final int FIRST_STRETCH = 4_096;
    private static final double TOLERANCE = 1e-8;
    private static final long WORK_LIMIT = 1_000_000_000L; // multiply-adds after which the last slope is taken

    private SpectralRadius() {
    }

    /** ρ(W) of a dense row-major (N, N) {@code w}, from a random start vector drawn from {@code rng}. */
    public static double of(int size, float[] w, Rng rng) {
        return of(SparseMatrix.fromDense(size, w), rng);
    }

    /** ρ(W), from a random start vector drawn from {@code rng}; 0 when W·v vanishes. */
    static double of(SparseMatrix w, Rng rng) {
        int n = w.size;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextGaussian();
        }
        double[] next = new double[n];
        if (logGrowth(w, v, next, 0) == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        for (int k = 0; k < BURN_IN; k++) {
            if (logGrowth(w, v, next, 1) == Double.NEGATIVE_INFINITY) {
                return 0; // W^k·v = 0: nilpotent on v
            }
        }
        long maxSteps = Math.max(2L * FIRST_STRETCH, WORK_LIMIT / Math.max(1, w.nonZeros()));
        double previous = Double.NaN;
        // least-squares slope of s_k over k = 1..m: sums of k, k², s, k·s
        double sumK = 0;
        double sumKK = 0;
        double sumS = 0;
        double sumKS = 0;
        double s = 0;
        for (long k = 1, checkAt = FIRST_STRETCH; k <= maxSteps; k++) {
            double growth = logGrowth(w, v, next, 1);
            if (growth == Double.NEGATIVE_INFINITY) {
                return 0;
            }
            s += growth;
            sumK += k;
            sumKK += (double) k * k;
            sumS += s;
            sumKS += k * s;
            if (k == checkAt || k == maxSteps) {
                double slope = (k * sumKS - sumK * sumS) / (k * sumKK - sumK * sumK);
                double rho = Math.exp(slope);
                if (Math.abs(rho - previous) <= TOLERANCE * rho) {
                    return rho;
                }
                previous = rho;
                checkAt *= 2;
            }
        }
        return previous;
    }

    /** log‖W·v‖ for a unit v ({@code normalizeFirst} 0: v is first scaled to unit length), and v = W·v / ‖W·v‖. */
    private static double logGrowth(SparseMatrix w, double[] v, double[] next, int normalizeFirst) {
        if (normalizeFirst == 0) {
            double norm = norm(v);
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        w.multiply(v, next);
        double norm = norm(next);
        if (norm == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = next[i] / norm;
        }
        return Math.log(norm);
    }

    private static double norm(double[] a) {
        double sum = 0;
        for (double x : a) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
