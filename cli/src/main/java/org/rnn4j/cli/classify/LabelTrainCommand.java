package org.rnn4j.cli.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.classify.LabelledSteps;
import org.rnn4j.classify.LabelledStepsReader;
import org.rnn4j.classify.LabellerScores;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.head.labeller.LabelOutput;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.LabelledTraining;
import org.rnn4j.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j label train}: a recurrent labeller (encoder + a linear softmax at every step) trained on rows of
 * {@code tokens<TAB>labels}, then scored on the rows held out with the best checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a sequence labeller on rows of tokens<TAB>labels and score it on the rows held out.",
        footer = {"", "--data has one sequence per line: tokens<TAB>labels, each separated by spaces, as many labels as tokens."})
final class LabelTrainCommand implements Runnable {

    @Option(names = "--data", paramLabel = "FILE", description = "Rows of tokens<TAB>labels (required)")
    Path data;

    @Option(names = "--val-frac", description = "Share of the rows held out for validation (default: ${DEFAULT-VALUE})", defaultValue = "0.2")
    double validationFraction;

    @Option(names = "--output", description = "softmax over the labels, or sigmoid (two labels only: one logit per step)"
            + " (default: ${DEFAULT-VALUE})", defaultValue = "softmax")
    String output;

    @Mixin
    SequenceTrainOptions training;

    @Override
    public void run() {
        Checkpoint resumed = training.resumed(training.spec.commandLine().getParseResult(), LabellerHead.ID);
        LabelOutput labelOutput = LabelOutput.fromId(output);
        Path file = resumed == null ? data : Path.of((String) SequenceTrainOptions.recordedData(resumed).get("path"));
        double fraction = resumed == null ? validationFraction
                : ((Number) SequenceTrainOptions.recordedData(resumed).get("validation_fraction")).doubleValue();
        long seed = resumed == null ? training.seed : resumed.training().seed();
        if (file == null) {
            throw new InvalidInputException("give the labelled rows with --data FILE");
        }
        List<LabelledSteps> rows = LabelledStepsReader.read(file);
        int[][] split = LabelledStepsData.split(rows.size(), fraction, seed);
        List<LabelledSteps> train = Arrays.stream(split[0]).mapToObj(rows::get).toList();
        List<LabelledSteps> validation = Arrays.stream(split[1]).mapToObj(rows::get).toList();
        List<String> labels = LabelledStepsData.labels(rows);
        Vocabulary vocabulary = LabelledStepsData.vocabulary(train);
        LabelledSequences trainSequences = LabelledStepsData.encode(train, vocabulary, labels);
        LabelledSequences validationSequences = LabelledStepsData.encode(validation, vocabulary, labels);
        Map<String, Object> recordedData = Map.of("path", file.toAbsolutePath().toString(), "validation_fraction", fraction);
        LabelledTraining labelled = new LabelledTraining(vocabulary, SequenceTrainOptions.recorded(LabelledStepsData.TOKENIZER, recordedData),
                labels, trainSequences, validationSequences, null);
        String summary = String.format(Locale.ROOT, "data: %,d training and %,d validation rows, %,d training steps, the longest row %d;"
                        + " %d labels (%s), vocabulary %,d", train.size(), validation.size(), trainSequences.predictions(),
                trainSequences.longest(), labels.size(), String.join(", ", labels), vocabulary.size());
        LabellerHead head;
        try {
            head = resumed != null ? (LabellerHead) resumed.model().head() : new LabellerHead(labels.size(), labelOutput);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file + ": " + e.getMessage());
        }
        Path folder = training.train(labelled, head, "label", summary, resumed);
        Path best = folder.resolve(Trainer.BEST);
        Path model = Files.exists(best) ? best : folder.resolve(Trainer.LATEST);
        Checkpoint checkpoint = ModelLoader.load(model, LabellerHead.ID);
        System.out.println();
        System.out.print(LabellerScores.of(ModelLoader.load(checkpoint), labels, validationSequences).format(model.toString(),
                "the validation rows", validation.size()));
        String command = System.getProperty("rnn4j.command", "rnn4j");
        System.out.println("score other rows: " + command + " label eval --model " + model + " --data FILE");
        System.out.println("label sequences:  " + command + " label predict --model " + model + " [FILE...]");
    }
}
