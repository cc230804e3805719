package org.rnn4j.classify;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4/7.5) for a smooth function of a flat double vector:
 * the direction is −H·g from the last {@value #MEMORY} pairs s = Δx, y = Δg by the two-loop recursion, and a
 * backtracking line search takes the first step length 1, ½, ¼, … that lowers f by at least 10⁻⁴·step·(g·d)
 * (Armijo). Pairs with y·s ≤ 0 are not kept. Deterministic: the same start gives the same iterates.
 */
final class Lbfgs {

    /** f(x), with ∇f(x) written into {@code gradient}. */
    @FunctionalInterface
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 40;

    private Lbfgs() {
    }

    /**
     * Minimises {@code f} from {@code x} (mutated: it ends at the minimum found) for at most {@code maxIterations}
     * steps, or until ‖g‖∞ ≤ {@code tolerance}, or until no step lowers f. Returns f at the final x.
     */
    static double minimize(Objective f, double[] x, int maxIterations, double tolerance) {
        int n = x.length;
        double[][] s = new double[MEMORY][n];
        double[][] y = new double[MEMORY][n];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        double[] g = new double[n];
        double[] direction = new double[n];
        double[] nextX = new double[n];
        double[] nextG = new double[n];
        double value = f.valueAndGradient(x, g);
        int kept = 0;
        int newest = -1;
        for (int iteration = 0; iteration < maxIterations && maxAbs(g) > tolerance; iteration++) {
            // two-loop recursion: direction = −H·g, with H₀ = (s·y / y·y)·I from the newest pair
            for (int i = 0; i < n; i++) {
                direction[i] = -g[i];
            }
            for (int k = 0; k < kept; k++) {
                int j = Math.floorMod(newest - k, MEMORY);
                alpha[j] = rho[j] * dot(s[j], direction);
                axpy(-alpha[j], y[j], direction);
            }
            double scale = kept == 0 ? 1 / Math.max(1, Math.sqrt(dot(g, g))) : 1 / (rho[newest] * dot(y[newest], y[newest]));
            for (int i = 0; i < n; i++) {
                direction[i] *= scale;
            }
            for (int k = kept - 1; k >= 0; k--) {
                int j = Math.floorMod(newest - k, MEMORY);
                double beta = rho[j] * dot(y[j], direction);
                axpy(alpha[j] - beta, s[j], direction);
            }
            double slope = dot(g, direction);
            if (slope >= 0) { // not a descent direction: restart from the gradient
                kept = 0;
                for (int i = 0; i < n; i++) {
                    direction[i] = -g[i] / Math.max(1, Math.sqrt(dot(g, g)));
                }
                slope = dot(g, direction);
            }
            double step = 1;
            double nextValue = Double.NaN;
            boolean lowered = false;
            for (int halving = 0; halving < MAX_HALVINGS && !lowered; halving++, step /= 2) {
                for (int i = 0; i < n; i++) {
                    nextX[i] = x[i] + step * direction[i];
                }
                nextValue = f.valueAndGradient(nextX, nextG);
                lowered = nextValue <= value + ARMIJO * step * slope;
            }
            if (!lowered) {
                break;
            }
            int slot = (newest + 1) % MEMORY;
            double ys = 0;
            for (int i = 0; i < n; i++) {
                s[slot][i] = nextX[i] - x[i];
                y[slot][i] = nextG[i] - g[i];
                ys += s[slot][i] * y[slot][i];
            }
            if (ys > 0) {
                rho[slot] = 1 / ys;
                newest = slot;
                kept = Math.min(kept + 1, MEMORY);
            }
            System.arraycopy(nextX, 0, x, 0, n);
            System.arraycopy(nextG, 0, g, 0, n);
            value = nextValue;
        }
        return value;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** y += a·x. */
    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
