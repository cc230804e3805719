package org.rnn4j.classify;

import java.util.List;
import java.util.Locale;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.train.Predictor;

/**
 * How a labeller scores on labelled sequences: the share of steps labelled right, the share of sequences with
 * every step right, and per label precision, recall and F1 with the confusion matrix over steps.
 *
 * @param stepAccuracy     steps labelled right ÷ steps
 * @param sequenceAccuracy sequences with every step right ÷ sequences
 * @param matrix           (actual, predicted) label counts over all steps
 */
public record LabellerScores(double stepAccuracy, double sequenceAccuracy, ConfusionMatrix matrix) {

    /** Sequences per window when scoring. */
    public static final int ROWS = 64;

    /** The scores of {@code model}, a labeller over {@code labels}, on {@code data}. */
    public static LabellerScores of(SequenceModel model, List<String> labels, LabelledSequences data) {
        float[][] probabilities = Predictor.run(model, data, ROWS).probabilities();
        ConfusionMatrix matrix = new ConfusionMatrix(labels);
        int whole = 0;
        for (int i = 0; i < data.size(); i++) {
            boolean allRight = true;
            int[] actual = data.stepLabels()[i];
            for (int t = 0; t < actual.length; t++) {
                int predicted = Predictor.argMax(probabilities[i], t * labels.size(), labels.size());
                matrix.add(actual[t], predicted);
                allRight &= predicted == actual[t];
            }
            whole += allRight ? 1 : 0;
        }
        return new LabellerScores(matrix.accuracy(), (double) whole / data.size(), matrix);
    }

    /** The scores of the model in {@code file} on {@code what} ({@code count} sequences), as printed: a line, then the table. */
    public String format(String file, String what, int count) {
        return String.format(Locale.ROOT, "%s on %s (%,d sequences, %,d steps): step accuracy %.4f, sequence accuracy %.4f%n",
                file, what, count, matrix.total(), stepAccuracy, sequenceAccuracy) + matrix.format();
    }
}
