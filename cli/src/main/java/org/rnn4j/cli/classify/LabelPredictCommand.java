package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.classify.LabellerScores;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.cli.Threads;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.Predictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rnn4j label predict}: the label of every token of each line of the given files (or of standard input),
 * written as the rows {@code label train} reads: {@code tokens<TAB>labels}.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Label every token of each non-blank line of the files (or of standard input); tokens are separated by spaces.",
        footer = {"", "Output: per line, tokens<TAB>labels, the format label train reads, in input order."})
final class LabelPredictCommand implements Runnable {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A checkpoint written by label train")
    Path model;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Sequences to label, one per line (default: standard input)")
    List<Path> files = List.of();

    @Mixin
    Threads threads;

    @Override
    public void run() {
        threads.apply();
        Checkpoint checkpoint = ModelLoader.load(model, LabellerHead.ID);
        InputLines input = InputLines.read(files);
        List<String> labels = checkpoint.labels();
        String[][] words = new String[input.size()][];
        int[][] tokens = new int[input.size()][];
        int[][] unknown = new int[input.size()][];
        for (int i = 0; i < input.size(); i++) {
            words[i] = input.lines().get(i).split("\\s+");
            tokens[i] = Arrays.stream(words[i]).mapToInt(checkpoint.vocabulary()::wordId).toArray();
            unknown[i] = new int[tokens[i].length];
            Arrays.fill(unknown[i], Kernels.PADDING);
        }
        float[][] probabilities = input.size() == 0 ? new float[0][]
                : Predictor.run(ModelLoader.load(checkpoint), LabelledSequences.ofSteps(tokens, unknown), LabellerScores.ROWS).probabilities();
        for (int i = 0; i < input.size(); i++) {
            StringBuilder row = new StringBuilder(String.join(" ", words[i])).append('\t');
            for (int t = 0; t < tokens[i].length; t++) {
                row.append(t == 0 ? "" : " ").append(labels.get(Predictor.argMax(probabilities[i], t * labels.size(), labels.size())));
            }
            System.out.println(row);
        }
    }
}
