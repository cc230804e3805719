package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.List;
import org.rnn4j.classify.LabelledTextReader;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.cli.Threads;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j classify eval}: a trained classifier's scores on labelled texts it did not train on. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a trained classifier on labelled texts: accuracy, per-class precision, recall and F1, confusion matrix.",
        footer = {"", "--data reads as in classify train; every label must be one of the model's classes."})
final class ClassifyEvalCommand implements Runnable {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A checkpoint written by classify train")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Labelled texts: a TSV file or a folder")
    Path data;

    @Option(names = "--classes", split = ",", paramLabel = "NAME", description = "Keep only these classes (default: all)")
    List<String> classes = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Write the confusion matrix picture as DIR/confusion.png")
    Path out;

    @Mixin
    Threads threads;

    @Override
    public void run() {
        threads.apply();
        Checkpoint checkpoint = ModelLoader.load(model, ClassifierHead.ID);
        EncodedExamples examples = LabelledDataset.encode(LabelledTextReader.read(data, classes),
                ClassifierInput.level(checkpoint), checkpoint.vocabulary(), checkpoint.labels());
        ClassifierScores.print(checkpoint, examples, data.toString(), out);
    }
}
