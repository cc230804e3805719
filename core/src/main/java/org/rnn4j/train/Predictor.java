package org.rnn4j.train;

import org.rnn4j.data.LabelledSequences;
import org.rnn4j.data.SequenceBatcher;
import org.rnn4j.model.SequenceModel;

/**
 * A classifier's or labeller's predictions for labelled sequences, run in windows of whole sequences as
 * training runs them. Sequences whose labels are unknown carry {@link org.rnn4j.kernel.Kernels#PADDING}: they
 * are predicted but not scored.
 */
public final class Predictor {

    private Predictor() {
    }

    /**
     * The evaluation, and per sequence in input order its probabilities: (C) for a classifier, (T_i · C), step
     * by step, for a labeller.
     */
    public record Predictions(Evaluation evaluation, float[][] probabilities) {
    }

    /** Runs {@code model} over {@code data} in windows of {@code rows} sequences. */
    public static Predictions run(SequenceModel model, LabelledSequences data, int rows) {
        int classes = model.config().outputs();
        boolean perStep = model.config().head().perStep();
        float[][] probabilities = new float[data.size()][];
        Evaluator evaluator = new Evaluator(model, new SequenceBatcher(data, rows, null), null);
        Evaluation evaluation = evaluator.predict((batches, window, ws) -> {
            float[] p = ws.probabilities(); // (T·N, C) per step, or (N, C) per row
            for (int n = 0; n < ws.rows(); n++) {
                int item = (int) batches.position(0, window, 0, n);
                if (item < 0) {
                    continue;
                }
                int length = ws.lengths()[n];
                float[] mine = new float[perStep ? length * classes : classes];
                if (perStep) {
                    for (int t = 0; t < length; t++) {
                        System.arraycopy(p, (t * ws.rows() + n) * classes, mine, t * classes, classes);
                    }
                } else {
                    System.arraycopy(p, n * classes, mine, 0, classes);
                }
                probabilities[item] = mine;
            }
        });
        return new Predictions(evaluation, probabilities);
    }

    /** The index of the largest of the {@code classes} values at {@code offset}. */
    public static int argMax(float[] values, int offset, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
