package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnn4j.classify.ConfusionMatrix;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.Predictor;

/** How a classifier scores on labelled texts: accuracy, per-class precision, recall and F1, and the confusion matrix. */
final class ClassifierScores {

    /** Texts per window when scoring. */
    static final int ROWS = 64;

    private ClassifierScores() {
    }

    /** The confusion matrix of {@code model} on {@code examples}, whose classes are the model's. */
    static ConfusionMatrix score(SequenceModel model, List<String> labels, EncodedExamples examples) {
        Predictor.Predictions predictions = Predictor.run(model, examples.labelled(), ROWS);
        ConfusionMatrix matrix = new ConfusionMatrix(labels);
        for (int i = 0; i < examples.size(); i++) {
            matrix.add(examples.classes()[i], Predictor.argMax(predictions.probabilities()[i], 0, labels.size()));
        }
        return matrix;
    }

    /**
     * Scores the classifier of {@code checkpoint} on {@code examples} (named {@code what}), prints the scores and,
     * when {@code folder} is not null, writes the confusion matrix picture there.
     */
    static ConfusionMatrix print(Checkpoint checkpoint, EncodedExamples examples, String what, Path folder) {
        Path file = checkpoint.file();
        ConfusionMatrix matrix = score(ModelLoader.load(checkpoint), checkpoint.labels(), examples);
        System.out.println();
        System.out.printf(Locale.ROOT, "%s on %s (%,d texts): accuracy %.4f, macro-F1 %.4f%n", file, what, examples.size(),
                matrix.accuracy(), matrix.macroF1());
        System.out.print(matrix.format());
        if (folder != null) {
            Path picture = ConfusionMatrixPlot.write(folder, matrix, String.format(Locale.ROOT, "%s: accuracy %.4f on %s",
                    file.getFileName(), matrix.accuracy(), what));
            System.out.println("confusion matrix picture: " + picture);
        }
        return matrix;
    }
}
