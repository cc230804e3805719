package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.List;
import org.rnn4j.classify.LabelledSteps;
import org.rnn4j.classify.LabelledStepsReader;
import org.rnn4j.classify.LabellerScores;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.cli.Threads;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j label eval}: a trained labeller's scores on rows it did not train on. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Score a trained labeller on rows of tokens<TAB>labels: step and sequence accuracy, per-label precision, recall and F1.")
final class LabelEvalCommand implements Runnable {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "A checkpoint written by label train")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Rows of tokens<TAB>labels")
    Path data;

    @Mixin
    Threads threads;

    @Override
    public void run() {
        threads.apply();
        Checkpoint checkpoint = ModelLoader.load(model, LabellerHead.ID);
        List<LabelledSteps> rows = LabelledStepsReader.read(data);
        System.out.print(LabellerScores.of(ModelLoader.load(checkpoint), checkpoint.labels(),
                LabelledStepsData.encode(rows, checkpoint.vocabulary(), checkpoint.labels())).format(model.toString(), data.toString(), rows.size()));
    }
}
