package org.rnn4j.cli.classify;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.cli.Threads;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.nlp.TokenLevel;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rnn4j classify predict}: the class of each line of the given files (or of standard input), with the
 * probability of every class, as tab-separated columns under a header.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Classify each non-blank line of the files (or of standard input): the predicted class and every class's probability.",
        footer = {"", "Output: a header line, then per text: class<TAB>p(class 1)<TAB>...<TAB>text, in input order."})
final class ClassifyPredictCommand implements Runnable {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A checkpoint written by classify train")
    Path model;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Texts to classify, one per line (default: standard input)")
    List<Path> files = List.of();

    @Mixin
    Threads threads;

    @Override
    public void run() {
        threads.apply();
        Checkpoint checkpoint = ModelLoader.load(model, ClassifierHead.ID);
        InputLines input = InputLines.read(files);
        List<String> lines = input.lines();
        List<String> origins = input.origins();
        TokenLevel level = ClassifierInput.level(checkpoint);
        Vocabulary vocabulary = checkpoint.vocabulary();
        int[][] tokens = new int[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            tokens[i] = level.tokens(lines.get(i), origins.get(i)).stream().mapToInt(vocabulary::wordId).toArray();
        }
        int[] unknown = new int[lines.size()];
        Arrays.fill(unknown, Kernels.PADDING);
        SequenceModel classifier = ModelLoader.load(checkpoint);
        float[][] probabilities = lines.isEmpty() ? new float[0][]
                : Predictor.run(classifier, LabelledSequences.ofClasses(tokens, unknown), ClassifierScores.ROWS).probabilities();
        print(System.out, checkpoint.labels(), lines, probabilities);
    }

    private static void print(PrintStream out, List<String> labels, List<String> lines, float[][] probabilities) {
        StringBuilder header = new StringBuilder("class");
        for (String label : labels) {
            header.append("\tp(").append(label).append(')');
        }
        out.println(header.append("\ttext"));
        for (int i = 0; i < lines.size(); i++) {
            StringBuilder row = new StringBuilder(labels.get(Predictor.argMax(probabilities[i], 0, labels.size())));
            for (float p : probabilities[i]) {
                row.append('\t').append(String.format(Locale.ROOT, "%.4f", p));
            }
            out.println(row.append('\t').append(lines.get(i)));
        }
    }
}
