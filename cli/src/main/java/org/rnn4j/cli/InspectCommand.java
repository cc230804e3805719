package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.io.Json;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.TrainingState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rnn4j inspect C}: prints a checkpoint's config, vocabulary, parameter count and training state. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a checkpoint's model config, vocabulary size, parameter count and training state.")
final class InspectCommand implements Runnable {

    @Parameters(paramLabel = "CHECKPOINT", description = "Checkpoint file")
    Path checkpoint;

    @Override
    public void run() {
        Checkpoint c = Checkpoint.load(checkpoint);
        ModelConfig m = c.model();
        System.out.printf(Locale.ROOT, "checkpoint   %s (format %d)%n", checkpoint, Checkpoint.formatVersion(m));
        System.out.printf(Locale.ROOT,
                "model        %s, %d layer(s) of %d, %s%s, dropout %.2f (embedding %.2f), %s initial state%n",
                CellOptions.describe(m.cell(), m.hiddenSize()), m.layers(),
                m.hiddenSize(), m.oneHotInput() ? "one-hot input" : "embedding " + m.embeddingSize(),
                m.tiedWeights() ? " tied to the output layer" : "", m.dropout(), m.embeddingDropout(), m.initialState().id());
        System.out.printf(Locale.ROOT, "vocabulary   %d %s%n", c.vocabulary().size(), c.words() ? "words (3 special tokens)" : "characters");
        System.out.printf(Locale.ROOT, "tokenizer    %s%n", Json.write(c.tokenizer()));
        System.out.printf(Locale.ROOT, "parameters   %,d%n", ModelLayout.of(m).parameterCount());
        TrainConfig t = c.training();
        if (t != null) {
            System.out.printf(Locale.ROOT, "training     %s lr %g, %s batches of %d × seq %d, clip %.3g, seed %d%n", t.optimizer().kind().id(),
                    t.learningRate(), t.batching().id(), t.batchSize(), t.seqLength(), t.gradClip(), t.seed());
        }
        TrainingState s = c.trainingState();
        if (s != null) {
            System.out.printf(Locale.ROOT, "state        step %d, epoch %d window %d, %,d tokens, %.0f s, smooth loss %.4f, lr %g%n",
                    s.step(), s.epoch() + 1, s.window(), s.tokens(), s.seconds(), s.smoothLoss(), s.learningRate()[0]);
            if (Double.isFinite(s.bestSavedLoss())) {
                System.out.printf(Locale.ROOT, "best         validation loss %.4f%n", s.bestSavedLoss());
            }
        }
    }
}
