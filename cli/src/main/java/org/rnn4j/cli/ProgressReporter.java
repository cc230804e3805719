package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.data.Batching;
import org.rnn4j.text.Corpus;
import org.rnn4j.train.Evaluation;
import org.rnn4j.train.StopReason;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingProgress;

/**
 * What the user sees while training: a progress bar (epoch, step, loss, smooth loss, tokens/s, ETA) on
 * stderr, and validation results and samples on stdout above it.
 */
final class ProgressReporter implements TrainingListener {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 30_000_000_000L; // status line interval without a terminal

    private final ModelConfig model;
    private final Corpus corpus;
    private final TrainConfig config;
    private final Path folder;
    private final PrintStream out = System.out;
    private ProgressBar bar;
    private long lastRedraw;
    private long lastLine = System.nanoTime();
    private Evaluation lastValidation;
    private final String unit; // what a token is: "word" or "char"

    ProgressReporter(ModelConfig model, Corpus corpus, TrainConfig config, Path folder) {
        this.unit = corpus.words() ? "word" : "char";
        this.model = model;
        this.corpus = corpus;
        this.config = config;
        this.folder = folder;
    }

    @Override
    public void onStart(TrainingProgress p) {
        long parameters = ModelLayout.of(model).parameterCount();
        out.printf(Locale.ROOT, "rnn4j: %d×%d %s (%s input), %,d parameters, vocabulary %d; kernels %s%n",
                model.layers(), model.hiddenSize(), model.cell().id(),
                model.oneHotInput() ? "one-hot" : "embedding " + model.embeddingSize(), parameters,
                model.vocabularySize(), KernelProvider.kernels().name());
        out.printf(Locale.ROOT, "data: %,d train / %,d validation / %,d test %s; %d windows of %d×%s per epoch%n",
                corpus.train().length, corpus.validation().length, corpus.test().length,
                corpus.words() ? "tokens" : "characters", p.windowsPerEpoch(), config.batchSize(),
                config.batching() == Batching.SENTENCES ? "(up to " + config.seqLength() + ")" : config.seqLength());
        int validation = corpus.validation().length;
        int scored = Trainer.validationLength(corpus, config);
        String unit = corpus.words() ? "tokens" : "characters";
        if (scored < validation) {
            out.printf(Locale.ROOT, "validation: the first %,d of %,d %s at every evaluation (--val-tokens %d)%n",
                    scored, validation, unit, config.validationTokens());
        } else if (validation >= 2) {
            out.printf(Locale.ROOT, "validation: all %,d %s at every evaluation%n", validation, unit);
        }
        out.println("run folder: " + folder + (p.step() > 0 ? " (resuming at step " + p.step() + ")" : ""));
        if (System.console() == null) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(p.totalSteps())
                .startsFrom(p.step(), Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, 160))
                .setUnit(" steps", 1)
                .build();
    }

    @Override
    public void onStep(TrainingProgress p) {
        long now = System.nanoTime();
        if (now - lastRedraw < REDRAW_NANOS) {
            return;
        }
        lastRedraw = now;
        String status = String.format(Locale.ROOT, "epoch %d loss %.3f smooth %.3f %s%,.0f tok/s",
                p.epoch(), p.loss(), p.smoothLoss(),
                lastValidation == null ? "" : String.format(Locale.ROOT, "val %.3f ", lastValidation.loss()),
                p.tokensPerSecond());
        if (bar != null) {
            bar.stepTo(p.step());
            bar.setExtraMessage(status);
        } else if (now - lastLine >= LINE_NANOS) {
            lastLine = now;
            out.printf(Locale.ROOT, "step %d/%d %s%n", p.step(), p.totalSteps(), status);
        }
    }

    @Override
    public void onEvaluation(TrainingProgress p, Evaluation v, boolean best) {
        lastValidation = v;
        above(String.format(Locale.ROOT,
                "step %d (epoch %d, %.0f s): validation loss %.4f, perplexity %.2f, %.3f bits/%s, accuracy %.1f%%%s",
                p.step(), p.epoch(), p.seconds(), v.loss(), v.perplexity(), v.bitsPerToken(), unit, 100 * v.accuracy(),
                best ? " (best)" : ""));
    }

    @Override
    public void onSample(TrainingProgress p, String text) {
        above("--- sample at step " + p.step() + " ---\n" + text.strip() + "\n---");
    }

    @Override
    public void onEnd(TrainingProgress p, StopReason reason) {
        if (bar != null) {
            bar.stepTo(p.step());
            bar.close();
        }
    }

    private void above(String text) {
        if (bar != null) {
            System.err.print("\r\033[K");
            System.err.flush();
        }
        out.println(text);
        out.flush();
    }

    /** The end of a run: why it stopped, the best loss, its files and the commands to use them. */
    void printSummary(Trainer trainer, StopReason reason) {
        TrainingProgress p = trainer.progress();
        out.printf(Locale.ROOT, "stopped after %d steps, %.1f epochs, %.0f s: %s.%n", p.step(),
                (double) p.step() / Math.max(1, p.windowsPerEpoch()), p.seconds(), reason.description());
        if (Double.isFinite(trainer.bestValidationLoss())) {
            out.printf(Locale.ROOT, "best validation loss %.4f (perplexity %.2f, %.3f bits/%s)%n", trainer.bestValidationLoss(),
                    Math.exp(trainer.bestValidationLoss()), trainer.bestValidationLoss() / Math.log(2), unit);
        }
        Path best = folder.resolve(Trainer.BEST);
        Path sampleFrom = best.toFile().exists() ? best : folder.resolve(Trainer.LATEST);
        String command = System.getProperty("rnn4j.command", "rnn4j");
        out.println("files: " + Stream.of(Trainer.LATEST, Trainer.BEST, "metrics.jsonl", LossPlot.FILE_NAME)
                .map(folder::resolve).filter(Files::exists).map(Path::toString)
                .collect(Collectors.joining(", ")));
        out.println("sample from it:  " + command + " sample --checkpoint " + sampleFrom);
        out.println("resume training: " + command + " train --resume " + folder.resolve(Trainer.LATEST) + limitToRaise(reason, p));
    }

    /** What a resume command must raise to train past the limit that stopped the run; nothing after an interruption. */
    private String limitToRaise(StopReason reason, TrainingProgress p) {
        return switch (reason) {
            case INTERRUPTED -> "";
            case EPOCHS -> " --epochs " + (config.epochs() + 10);
            case MAX_STEPS -> " --max-steps " + 2 * p.step();
            case TIME -> String.format(Locale.ROOT, " --minutes %.4g", 2 * config.minutes());
            case EARLY_STOPPING -> " --patience " + 2 * config.patience();
        };
    }
}
