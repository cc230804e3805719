package org.rnn4j.cli.classify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.classifier.Pooling;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.LabelledTraining;
import org.rnn4j.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j classify train}: a recurrent classifier (encoder + pooling + linear + softmax) trained on
 * labelled texts with a stratified validation split, then scored on that split with the best checkpoint.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a sequence classifier on labelled texts and score it on a stratified validation split.",
        footer = {"", "--data is a file of label<TAB>text lines, a folder with a sub-folder per class (a file per text),"
                + " or a folder with a file per class (a line per text; the class is the file name without its extension)."})
final class ClassifyTrainCommand implements Runnable {

    @Mixin
    DatasetArguments dataset;

    @Option(names = "--pooling", description = "What the classifier reads of each text: last (the final state), mean or max over its steps"
            + " (default: ${DEFAULT-VALUE})", defaultValue = "mean")
    String pooling;

    @Mixin
    SequenceTrainOptions training;

    @Override
    public void run() {
        Checkpoint checkpoint = training.resumed(training.spec.commandLine().getParseResult(), ClassifierHead.ID);
        ClassifierHead head = new ClassifierHead(2, Pooling.fromId(pooling)); // checks --pooling before any reading
        DatasetOptions options = checkpoint == null ? dataset.options(training.seed)
                : DatasetArguments.recorded(SequenceTrainOptions.recordedData(checkpoint), ClassifierInput.level(checkpoint),
                        checkpoint.training().seed());
        LabelledDataset data = LabelledDataset.load(options);
        head = checkpoint == null ? new ClassifierHead(data.classCount(), head.pooling()) : (ClassifierHead) checkpoint.model().head();
        Map<String, Object> tokenizer = SequenceTrainOptions.recorded(Map.of("level", data.level().id()), DatasetArguments.record(options));
        LabelledTraining labelled = new LabelledTraining(data.vocabulary(), tokenizer, data.labels(), data.train().labelled(),
                data.validation().labelled(), null);
        String summary = String.format(Locale.ROOT, "data: %,d training and %,d validation texts in %d classes (%s), %s tokens;"
                        + " %,d training tokens, the longest text %d", data.train().size(), data.validation().size(),
                data.classCount(), String.join(", ", data.labels()), data.level().id(), data.train().tokens(),
                labelled.train().longest());
        Path folder = training.train(labelled, head, "classify", summary, checkpoint);
        Path best = folder.resolve(Trainer.BEST);
        Path model = Files.exists(best) ? best : folder.resolve(Trainer.LATEST);
        ClassifierScores.print(ModelLoader.load(model, ClassifierHead.ID), data.validation(), "the validation split", folder);
        String command = System.getProperty("rnn4j.command", "rnn4j");
        System.out.println("score other texts: " + command + " classify eval --model " + model + " --data PATH");
        System.out.println("classify texts:    " + command + " classify predict --model " + model + " [FILE...]");
    }
}
