package org.rnn4j.cli.classify;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.rnn4j.cli.StatusBar;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.train.Evaluation;
import org.rnn4j.train.StopReason;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingProgress;

/**
 * What the user sees while a classifier or labeller trains: the model and the run folder, each validation's
 * loss and accuracy, and the status bar (epoch, loss, tokens/s, ETA).
 */
final class LabelledProgress implements TrainingListener {

    private final ModelConfig model;
    private final String data;      // one line on the data: sizes and classes
    private final Path folder;
    private final PrintStream out = System.out;
    private final StatusBar bar = new StatusBar();
    private final Function<TrainingProgress, String> status = this::status;
    private Evaluation lastValidation;

    LabelledProgress(ModelConfig model, String data, Path folder) {
        this.model = model;
        this.data = data;
        this.folder = folder;
    }

    @Override
    public void onStart(TrainingProgress p) {
        out.printf(Locale.ROOT, "rnn4j: %s, %d×%d %s (%s input%s), %,d parameters, vocabulary %d%n", model.head().id(), model.layers(),
                model.hiddenSize(), model.cell().id(), model.oneHotInput() ? "one-hot" : "embedding " + model.embeddingSize(),
                model.initialState() == InitialState.LEARNED ? ", learned initial state" : "",
                ModelLayout.of(model).parameterCount(), model.vocabularySize());
        out.println(data);
        out.printf(Locale.ROOT, "%d windows per epoch%n", p.windowsPerEpoch());
        out.println("run folder: " + folder + (p.step() > 0 ? " (resuming at step " + p.step() + ")" : ""));
        bar.start(p);
    }

    @Override
    public void onStep(TrainingProgress p) {
        bar.step(p, status);
    }

    private String status(TrainingProgress p) {
        return String.format(Locale.ROOT, "epoch %d loss %.3f smooth %.3f %s%,.0f tok/s", p.epoch(), p.loss(), p.smoothLoss(),
                lastValidation == null ? "" : String.format(Locale.ROOT, "val acc %.3f ", lastValidation.accuracy()),
                p.tokensPerSecond());
    }

    @Override
    public void onEvaluation(TrainingProgress p, Evaluation v, boolean best) {
        lastValidation = v;
        bar.above(String.format(Locale.ROOT, "step %d (epoch %d, %.0f s): validation loss %.4f, accuracy %.2f%%%s",
                p.step(), p.epoch(), p.seconds(), v.loss(), 100 * v.accuracy(), best ? " (best)" : ""));
    }

    @Override
    public void onEnd(TrainingProgress p, StopReason reason) {
        bar.close(p);
        out.printf(Locale.ROOT, "stopped after %d steps, %.0f s, %,.0f tokens/s: %s.%n", p.step(), p.seconds(),
                p.seconds() > 0 ? p.tokens() / p.seconds() : 0, reason.description());
    }
}
