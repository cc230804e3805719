package org.rnn4j.classify;

import java.util.Arrays;
import java.util.List;

/**
 * The bag-of-words baseline: multinomial logistic regression on token counts. A sequence of token ids
 * becomes x (V), x[v] = how often v occurs; the scores are z = W·x + b with W (C, V), b (C), and
 * p = softmax(z). Fitting minimises the mean cross-entropy plus (λ/2)·‖W‖² (the bias is not penalised) with
 * {@link Lbfgs} from zero weights: the objective is convex, so the fit is the one minimum, found
 * deterministically. {@link #fitTuned} picks λ from {@link #L2_GRID} on a slice of the training examples.
 */
public final class BagOfWordsLogistic implements SequenceClassifier {

    /** The L2 strengths {@link #fitTuned} tries, strongest first. */
    public static final List<Double> L2_GRID = List.of(1.0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6);
    /** λ when the training examples are too few to hold a slice out (a class with a single one). */
    public static final double DEFAULT_L2 = 1e-2;
    /** The share of each class's training examples that {@link #fitTuned} holds out to compare the λ. */
    public static final double TUNING_FRACTION = 0.2;

    private static final int MAX_ITERATIONS = 500;
    private static final double TOLERANCE = 1e-7;

    private final int classes;         // C
    private final int vocabulary;      // V
    private final double[] parameters; // W (C, V) row-major, then b (C)
    private final double l2;
    private final boolean tuned;

    private BagOfWordsLogistic(int classes, int vocabulary, double[] parameters, double l2, boolean tuned) {
        this.classes = classes;
        this.vocabulary = vocabulary;
        this.parameters = parameters;
        this.l2 = l2;
        this.tuned = tuned;
    }

    /**
     * Fits W and b with L2 strength {@code l2} on {@code sequences} (N, each T_n ids in [0, V)) of classes
     * {@code classOf} (N, each in [0, C)).
     */
    public static BagOfWordsLogistic fit(int[][] sequences, int[] classOf, int classes, int vocabularySize, double l2) {
        return new BagOfWordsLogistic(classes, vocabularySize, solve(counts(sequences, vocabularySize), classOf, classes, vocabularySize, l2), l2, false);
    }

    /**
     * Fits with each λ of {@link #L2_GRID} on a stratified {@link #TUNING_FRACTION} slice's complement (seeded by
     * {@code seed}), keeps the λ with the lowest mean cross-entropy on the slice (the stronger one on a tie), and
     * refits on all examples with it. With a class of fewer than two examples it uses {@link #DEFAULT_L2}.
     */
    public static BagOfWordsLogistic fitTuned(int[][] sequences, int[] classOf, List<String> classNames, int vocabularySize, long seed) {
        int c = classNames.size();
        long[] perClass = new long[c];
        for (int k : classOf) {
            perClass[k]++;
        }
        if (Arrays.stream(perClass).anyMatch(count -> count < 2)) {
            return fit(sequences, classOf, c, vocabularySize, DEFAULT_L2);
        }
        StratifiedSplit slice = StratifiedSplit.of(classOf, classNames, TUNING_FRACTION, seed);
        SparseCounts[] fitCounts = counts(select(sequences, slice.train()), vocabularySize);
        int[] fitClasses = select(classOf, slice.train());
        int[][] heldOut = select(sequences, slice.validation());
        int[] heldOutClasses = select(classOf, slice.validation());
        double best = Double.NaN;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double candidate : L2_GRID) {
            BagOfWordsLogistic model = new BagOfWordsLogistic(c, vocabularySize, solve(fitCounts, fitClasses, c, vocabularySize, candidate), candidate, false);
            double loss = model.meanCrossEntropy(heldOut, heldOutClasses);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = candidate;
            }
        }
        return new BagOfWordsLogistic(c, vocabularySize, solve(counts(sequences, vocabularySize), classOf, c, vocabularySize, best), best, true);
    }

    /** λ, the L2 strength the weights were fitted with. */
    public double l2() {
        return l2;
    }

    /** True when {@link #fitTuned} chose λ on a held-out slice; false when it was given or defaulted. */
    public boolean tuned() {
        return tuned;
    }

    /** p = softmax(W·x + b) (C) for the counts x of {@code tokens} (T). */
    public double[] probabilities(int[] tokens) {
        double[] z = new double[classes];
        SparseCounts x = SparseCounts.of(tokens, vocabulary);
        scores(x, parameters, z);
        softmax(z);
        return z;
    }

    @Override
    public int predict(int[] tokens) {
        double[] p = probabilities(tokens);
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    /** −(1/N)·Σ_n log p_n[y_n] over {@code sequences} (N) of classes {@code classOf} (N). */
    public double meanCrossEntropy(int[][] sequences, int[] classOf) {
        double sum = 0;
        for (int n = 0; n < sequences.length; n++) {
            sum -= Math.log(Math.max(probabilities(sequences[n])[classOf[n]], Double.MIN_NORMAL));
        }
        return sum / sequences.length;
    }

    /** The parameters minimising the regularised mean cross-entropy over {@code x} (N) of classes {@code classOf} (N). */
    private static double[] solve(SparseCounts[] x, int[] classOf, int c, int v, double l2) {
        double[] parameters = new double[c * v + c];
        Lbfgs.minimize(objective(x, classOf, c, v, l2), parameters, MAX_ITERATIONS, TOLERANCE);
        return parameters;
    }

    /** The fitting objective over θ = W (C, V) then b (C), for {@code sequences} (N) of classes {@code classOf} (N). */
    static Lbfgs.Objective objective(int[][] sequences, int[] classOf, int c, int v, double l2) {
        return objective(counts(sequences, v), classOf, c, v, l2);
    }

    private static Lbfgs.Objective objective(SparseCounts[] x, int[] classOf, int c, int v, double l2) {
        return (theta, gradient) -> lossAndGradient(x, classOf, c, v, l2, theta, gradient);
    }

    /**
     * L = (1/N)·Σ_n [logsumexp(z_n) − z_n[y_n]] + (λ/2)·‖W‖²; writes dL/dθ into {@code gradient}:
     * dz_n = (softmax(z_n) − onehot(y_n))/N, dW += dz_n ⊗ x_n, db += dz_n, dW += λ·W.
     */
    private static double lossAndGradient(SparseCounts[] x, int[] classOf, int c, int v, double l2, double[] theta, double[] gradient) {
        Arrays.fill(gradient, 0);
        double[] z = new double[c];
        double loss = 0;
        double perExample = 1.0 / x.length;
        for (int n = 0; n < x.length; n++) {
            scores(x[n], theta, z);
            double max = Arrays.stream(z).max().orElseThrow();
            double sum = 0;
            for (int k = 0; k < c; k++) {
                sum += Math.exp(z[k] - max);
            }
            loss += (max + Math.log(sum) - z[classOf[n]]) * perExample;
            for (int k = 0; k < c; k++) {
                double dz = (Math.exp(z[k] - max) / sum - (k == classOf[n] ? 1 : 0)) * perExample;
                for (int i = 0; i < x[n].ids.length; i++) {
                    gradient[k * v + x[n].ids[i]] += dz * x[n].counts[i];
                }
                gradient[c * v + k] += dz;
            }
        }
        double squares = 0;
        for (int i = 0; i < c * v; i++) {
            squares += theta[i] * theta[i];
            gradient[i] += l2 * theta[i];
        }
        return loss + 0.5 * l2 * squares;
    }

    /** z = W·x + b (C). */
    private static void scores(SparseCounts x, double[] theta, double[] z) {
        int c = z.length;
        int v = (theta.length - c) / c;
        for (int k = 0; k < c; k++) {
            double sum = theta[c * v + k];
            for (int i = 0; i < x.ids.length; i++) {
                sum += theta[k * v + x.ids[i]] * x.counts[i];
            }
            z[k] = sum;
        }
    }

    private static void softmax(double[] z) {
        double max = Arrays.stream(z).max().orElseThrow();
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
    }

    private static SparseCounts[] counts(int[][] sequences, int v) {
        SparseCounts[] x = new SparseCounts[sequences.length];
        for (int n = 0; n < sequences.length; n++) {
            x[n] = SparseCounts.of(sequences[n], v);
        }
        return x;
    }

    private static int[][] select(int[][] values, int[] indices) {
        return Arrays.stream(indices).mapToObj(i -> values[i]).toArray(int[][]::new);
    }

    private static int[] select(int[] values, int[] indices) {
        return Arrays.stream(indices).map(i -> values[i]).toArray();
    }

    /** The distinct ids of a sequence, ascending, with how often each occurs: x (V) without its zeros. */
    private record SparseCounts(int[] ids, double[] counts) {

        static SparseCounts of(int[] tokens, int vocabulary) {
            int[] sorted = tokens.clone();
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (sorted[i] < 0 || sorted[i] >= vocabulary) {
                    throw new IllegalArgumentException("token id " + sorted[i] + " outside [0, " + vocabulary + ")");
                }
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
            }
            int[] ids = new int[distinct];
            double[] counts = new double[distinct];
            int at = -1;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    ids[++at] = sorted[i];
                }
                counts[at]++;
            }
            return new SparseCounts(ids, counts);
        }
    }
}
