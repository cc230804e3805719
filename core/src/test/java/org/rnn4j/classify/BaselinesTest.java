package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.random.Rng;

/** The majority class and the bag-of-words logistic regression: their optimum, gradient, tuning and determinism. */
class BaselinesTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void theMajorityClassIsTheMostFrequentAndTheFirstOnATie() {
        assertEquals(1, MajorityClass.fit(new int[] {0, 1, 2, 1}, 3).predict(new int[] {0}));
        assertEquals(0, MajorityClass.fit(new int[] {2, 0, 0, 2}, 3).predict(new int[0]));
    }

    @Test
    void withoutTokensTheRegressionPredictsTheClassShares() {
        // only the unpenalised bias is free, so p is the maximum-likelihood estimate: the class frequencies
        int[] classOf = {0, 0, 0, 1, 2, 2, 0, 2};
        int[][] empty = new int[classOf.length][0];
        BagOfWordsLogistic model = BagOfWordsLogistic.fit(empty, classOf, 3, 4, 1.0);
        assertArrayEquals(new double[] {4 / 8.0, 1 / 8.0, 3 / 8.0}, model.probabilities(new int[0]), 1e-6);
    }

    @Test
    void theGradientMatchesCentralDifferences() {
        Rng rng = new Rng(5);
        int c = 3;
        int v = 6;
        int[][] sequences = new int[9][];
        int[] classOf = new int[sequences.length];
        for (int n = 0; n < sequences.length; n++) {
            sequences[n] = new int[1 + n % 4];
            for (int t = 0; t < sequences[n].length; t++) {
                sequences[n][t] = (int) (rng.nextDouble() * v);
            }
            classOf[n] = n % c;
        }
        Lbfgs.Objective f = BagOfWordsLogistic.objective(sequences, classOf, c, v, 0.3);
        double[] theta = new double[c * v + c];
        for (int i = 0; i < theta.length; i++) {
            theta[i] = rng.nextGaussian();
        }
        double[] gradient = new double[theta.length];
        f.valueAndGradient(theta, gradient);
        double[] scratch = new double[theta.length];
        double h = 1e-5;
        for (int i = 0; i < theta.length; i++) {
            double keep = theta[i];
            theta[i] = keep + h;
            double plus = f.valueAndGradient(theta, scratch);
            theta[i] = keep - h;
            double minus = f.valueAndGradient(theta, scratch);
            theta[i] = keep;
            assertEquals((plus - minus) / (2 * h), gradient[i], 1e-8, "dL/dθ[" + i + "]");
        }
    }

    @Test
    void aSeparableTaskIsLearnedAndHeldOutExamplesAreRight() {
        // class k's sequences hold token k+1 among noise tokens 4..7; the held-out ones have new noise
        Rng rng = new Rng(11);
        int[][] train = new int[60][];
        int[] trainClasses = new int[train.length];
        for (int n = 0; n < train.length; n++) {
            trainClasses[n] = n % 3;
            train[n] = sequence(trainClasses[n], rng);
        }
        BagOfWordsLogistic model = BagOfWordsLogistic.fitTuned(train, trainClasses, NAMES, 8, 3);
        assertTrue(model.tuned());
        assertTrue(BagOfWordsLogistic.L2_GRID.contains(model.l2()));
        for (int k = 0; k < 3; k++) {
            assertEquals(k, model.predict(sequence(k, rng)));
        }
        assertTrue(model.meanCrossEntropy(train, trainClasses) < 0.3);
    }

    @Test
    void aStrongerPenaltyGivesLessConfidentPredictions() {
        Rng rng = new Rng(2);
        int[][] train = new int[30][];
        int[] classOf = new int[train.length];
        for (int n = 0; n < train.length; n++) {
            classOf[n] = n % 3;
            train[n] = sequence(classOf[n], rng);
        }
        double weak = BagOfWordsLogistic.fit(train, classOf, 3, 8, 1e-4).probabilities(new int[] {1})[0];
        double strong = BagOfWordsLogistic.fit(train, classOf, 3, 8, 1.0).probabilities(new int[] {1})[0];
        assertTrue(strong < weak && strong > 1.0 / 3, "p(a | token 1): λ=1 gives " + strong + ", λ=1e-4 gives " + weak);
    }

    @Test
    void fittingIsDeterministicAndFallsBackToTheDefaultPenaltyWithALoneExample() {
        int[][] sequences = {{1, 4}, {1, 5}, {2, 4}, {2, 6}, {3, 7}};
        int[] classOf = {0, 0, 1, 1, 2};
        BagOfWordsLogistic first = BagOfWordsLogistic.fitTuned(sequences, classOf, NAMES, 8, 1);
        BagOfWordsLogistic second = BagOfWordsLogistic.fitTuned(sequences, classOf, NAMES, 8, 1);
        assertFalse(first.tuned());
        assertEquals(BagOfWordsLogistic.DEFAULT_L2, first.l2());
        assertArrayEquals(first.probabilities(new int[] {3, 4}), second.probabilities(new int[] {3, 4}), 0.0);
    }

    @Test
    void lbfgsFindsTheRosenbrockMinimum() {
        double[] x = {-1.2, 1};
        double f = Lbfgs.minimize((p, g) -> {
            g[0] = -2 * (1 - p[0]) - 400 * p[0] * (p[1] - p[0] * p[0]);
            g[1] = 200 * (p[1] - p[0] * p[0]);
            return (1 - p[0]) * (1 - p[0]) + 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0]);
        }, x, 500, 1e-10);
        assertEquals(1, x[0], 1e-6);
        assertEquals(1, x[1], 1e-6);
        assertEquals(0, f, 1e-12);
    }

    /** Token k+1 once and three noise tokens from 4..7. */
    private static int[] sequence(int k, Rng rng) {
        int[] tokens = new int[4];
        tokens[0] = k + 1;
        for (int t = 1; t < tokens.length; t++) {
            tokens[t] = 4 + (int) (rng.nextDouble() * 4);
        }
        return tokens;
    }
}
