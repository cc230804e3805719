package org.rnn4j.esn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.InvalidInputException;
import org.rnn4j.random.Rng;

/** The read-out's Cholesky ridge solve against a direct least-squares solve (Commons Math QR) of the augmented system. */
class RidgeTest {

    /** min ‖X·Wᵀ − Y‖² + λ‖W‖² is the least-squares problem [X; √λ·I]·Wᵀ = [Y; 0], solved here by QR without normal equations. */
    @ParameterizedTest(name = "T={0}, D={1}, L={2}, λ={3}")
    @CsvSource({"200, 12, 3, 0.1", "50, 30, 1, 1e-6", "300, 7, 2, 0", "40, 1, 1, 2.5"})
    void matchesADirectSolve(int rows, int d, int l, double lambda) {
        Rng rng = new Rng(rows * 31L + d);
        double[] x = new double[rows * d];
        double[] y = new double[rows * l];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() + (i % d == 0 ? 3 : 0); // a column with a mean, like the bias feature
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = rng.nextGaussian();
        }
        double[] w = Ridge.fit(x, y, rows, d, l, lambda);

        RealMatrix a = new Array2DRowRealMatrix(rows + d, d);
        RealMatrix b = new Array2DRowRealMatrix(rows + d, l);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < d; j++) {
                a.setEntry(r, j, x[r * d + j]);
            }
            for (int k = 0; k < l; k++) {
                b.setEntry(r, k, y[r * l + k]);
            }
        }
        for (int j = 0; j < d; j++) {
            a.setEntry(rows + j, j, Math.sqrt(lambda));
        }
        RealMatrix reference = new QRDecomposition(a).getSolver().solve(b); // (D, L)
        for (int k = 0; k < l; k++) {
            for (int j = 0; j < d; j++) {
                assertEquals(reference.getEntry(j, k), w[k * d + j], 1e-9 * (1 + Math.abs(reference.getEntry(j, k))), "W[" + k + "][" + j + "]");
            }
        }
    }

    @Test
    void aSingularSystemWithoutRidgeIsRefused() {
        double[] x = {1, 2, 2, 1, 3, 3, 1, 5, 5}; // columns 2 and 3 equal
        double[] y = {1, 2, 3};
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Ridge.fit(x, y, 3, 3, 1, 0));
        assertTrue(e.getMessage().contains("raise the ridge"), e.getMessage());
        double[] w = Ridge.fit(x, y, 3, 3, 1, 1e-3);
        assertEquals(w[1], w[2], 1e-12, "the ridge splits the weight between equal columns");
    }
}
