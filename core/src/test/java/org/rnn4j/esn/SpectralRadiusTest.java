package org.rnn4j.esn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.rnn4j.random.Rng;

/** The reservoir's spectral radius, held to a real eigen-solver (Apache Commons Math's Schur-based decomposition). */
class SpectralRadiusTest {

    @ParameterizedTest(name = "N={0}, connectivity {1}, ρ={2}, seed {3}")
    @CsvSource({"100, 0.1, 0.9, 1", "250, 0.05, 1.25, 2", "150, 0.3, 0.5, 3", "400, 0.02, 0.99, 4", "60, 1.0, 0.1, 5"})
    void theScaledReservoirHasTheRequestedSpectralRadius(int n, double connectivity, double radius, long seed) {
        EchoStateNetwork esn = EchoStateNetwork.create(new EsnConfig(1, n, 1, connectivity, radius, 1, 0.2, 0, 0.5, 10, 1e-6, 0, seed));
        assertEquals(radius, largestModulus(esn.reservoir().toDense(), n), 1e-3);
    }

    @ParameterizedTest(name = "N={0}, connectivity {1}, seed {2}")
    @CsvSource({"80, 0.1, 11", "200, 0.05, 12", "300, 0.2, 13"})
    void powerIterationMatchesTheEigenSolverOnRawRandomMatrices(int n, double connectivity, long seed) {
        SparseMatrix w = SparseMatrix.random(n, connectivity, new Rng(seed));
        double reference = largestModulus(w.toDense(), n);
        assertEquals(reference, SpectralRadius.of(w, new Rng(seed + 1)), 1e-6 * reference);
    }

    /**
     * A dominant complex pair 0.9·e^{±iθ} in a non-normal 2×2 block (the iterate rotates and its one-step
     * growth swings by a factor of 10 around 0.9), next to real eigenvalues 0.85 and −0.6.
     */
    @Test
    void aDominantComplexPairOfANonNormalMatrix() {
        int n = 4;
        double theta = 0.7;
        double skew = 10;
        float[] dense = new float[n * n];
        dense[0] = (float) (0.9 * Math.cos(theta));
        dense[1] = (float) (-0.9 * Math.sin(theta) * skew);
        dense[n] = (float) (0.9 * Math.sin(theta) / skew);
        dense[n + 1] = (float) (0.9 * Math.cos(theta));
        dense[2 * n + 2] = 0.85f;
        dense[3 * n + 3] = -0.6f;
        dense[2] = 0.3f; // couples the blocks so that W is not block diagonal
        double reference = largestModulus(dense, n);
        assertEquals(0.9, reference, 1e-6);
        SparseMatrix w = SparseMatrix.fromDense(n, dense);
        double[] v = {1, 0, 0, 0};
        double[] wv = new double[n];
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (int k = 0; k < 40; k++) {
            w.multiply(v, wv);
            double norm = Math.sqrt(wv[0] * wv[0] + wv[1] * wv[1] + wv[2] * wv[2] + wv[3] * wv[3]);
            smallest = Math.min(smallest, norm);
            largest = Math.max(largest, norm);
            for (int i = 0; i < n; i++) {
                v[i] = wv[i] / norm;
            }
        }
        assertTrue(largest / smallest > 5, "the one-step ratio swings, so a single ratio is no estimate: " + smallest + " to " + largest);
        assertEquals(reference, SpectralRadius.of(w, new Rng(1)), 1e-6);
    }

    static double largestModulus(float[] dense, int n) {
        double[][] rows = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rows[i][j] = dense[i * n + j];
            }
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(rows, false));
        double largest = 0;
        for (int i = 0; i < n; i++) {
            largest = Math.max(largest, Math.hypot(eigen.getRealEigenvalues()[i], eigen.getImagEigenvalues()[i]));
        }
        return largest;
    }
}
