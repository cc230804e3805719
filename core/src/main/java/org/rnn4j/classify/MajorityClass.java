package org.rnn4j.classify;

/**
 * The baseline that ignores its input: it predicts the class most frequent among the training examples (the
 * lowest class index among equals). Its accuracy on a split is that class's share of the split.
 */
public record MajorityClass(int predicted) implements SequenceClassifier {

    /** The most frequent of {@code classOf} (N, each in [0, C)). */
    public static MajorityClass fit(int[] classOf, int classes) {
        long[] counts = new long[classes];
        for (int c : classOf) {
            counts[c]++;
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (counts[c] > counts[best]) {
                best = c;
            }
        }
        return new MajorityClass(best);
    }

    @Override
    public int predict(int[] tokens) {
        return predicted;
    }
}
