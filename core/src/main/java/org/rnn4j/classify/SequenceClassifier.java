package org.rnn4j.classify;

/**
 * Assigns a class to a sequence of token ids: what the baselines and a recurrent classifier have in common,
 * so that {@link ConfusionMatrix#evaluate} scores them all in the same way.
 */
@FunctionalInterface
public interface SequenceClassifier {

    /** The class in [0, C) predicted for {@code tokens} (T token ids in [0, V)). */
    int predict(int[] tokens);
}
