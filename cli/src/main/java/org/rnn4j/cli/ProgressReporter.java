package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.rnn4j.data.Batching;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.CorpusFile;
import org.rnn4j.train.CorpusTraining;
import org.rnn4j.train.Evaluation;
import org.rnn4j.train.StopReason;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainingListener;
import org.rnn4j.train.TrainingProgress;

/**
 * What the user sees while training: validation results and samples on stdout and, when stdout is a
 * terminal, a progress bar (epoch, step, loss, smooth loss, tokens/s, ETA) below them, drawn on the same
 * stream so that the two never overtake each other.
 */
final class ProgressReporter implements TrainingListener {

    /** A validation split shorter than this is warned about: a handful of windows measure little. */
    private static final int FEW_VALIDATION_TOKENS = 100;

    private final ModelConfig model;
    private final CorpusFile corpusFile;
    private final Corpus corpus;
    private final TrainConfig config;
    private final Path folder;
    private final PrintStream out = System.out;
    private final StatusBar bar = new StatusBar();
    private final Function<TrainingProgress, String> status = this::status;
    private Evaluation lastValidation;
    private long lastValidationStep;
    private final SampleGallery gallery; // null when samples are only printed
    private final String unit; // what a token is: "word" or "char"

    ProgressReporter(ModelConfig model, CorpusFile corpusFile, TrainConfig config, Path folder, SampleGallery gallery) {
        this.gallery = gallery;
        this.corpusFile = corpusFile;
        this.corpus = corpusFile.corpus();
        this.unit = corpus.words() ? "word" : "char";
        this.model = model;
        this.config = config;
        this.folder = folder;
    }

    @Override
    public void onStart(TrainingProgress p) {
        long parameters = ModelLayout.of(model).parameterCount();
        out.printf(Locale.ROOT, "rnn4j: %d×%d %s (%s input%s), %,d parameters, vocabulary %d; kernels %s%n",
                model.layers(), model.hiddenSize(), model.cell().id(),
                model.oneHotInput() ? "one-hot" : "embedding " + model.embeddingSize(),
                model.initialState() == InitialState.LEARNED ? ", learned initial state" : "", parameters,
                model.vocabularySize(), KernelProvider.kernels().name());
        out.printf(Locale.ROOT, "data: %,d train / %,d validation / %,d test %s; %d windows of %d×%s per epoch%n",
                corpus.train().length(), corpus.validation().length(), corpus.test().length(),
                corpus.words() ? "tokens" : "characters", p.windowsPerEpoch(), config.batchSize(),
                config.batching() == Batching.SENTENCES ? "(up to " + config.seqLength() + ")" : config.seqLength());
        if (!corpus.words() && corpus.vocabulary().contains("\r")) {
            out.println("note: the text has Windows line ends (CRLF), so \\r is a character the model learns like any other;"
                    + " convert the text to LF line ends to leave it out");
        }
        out.printf(Locale.ROOT, "tokens: %s, %d byte%s each (%s)%n", corpusFile.file(), corpusFile.width(), corpusFile.width() == 1 ? "" : "s",
                corpusFile.reused() ? "tokenized before, read again" : "tokenized now");
        long validation = corpus.validation().length();
        long scored = CorpusTraining.validationLength(corpus, config);
        String unit = corpus.words() ? "tokens" : "characters";
        if (scored < validation) {
            out.printf(Locale.ROOT, "validation: the first %,d of %,d %s at every evaluation (--val-tokens %d)%n",
                    scored, validation, unit, config.validationTokens());
        } else if (validation >= 2) {
            out.printf(Locale.ROOT, "validation: all %,d %s at every evaluation%n", validation, unit);
        }
        out.println("run folder: " + folder + (p.step() > 0 ? " (resuming at step " + p.step() + ")" : ""));
        if (validation > 0 && validation < FEW_VALIDATION_TOKENS) {
            System.err.printf(Locale.ROOT, "rnn4j: warning: the validation split has only %d %s (fewer than %d), so its loss says little%s;"
                    + " give a longer text, a larger --val-frac or a --valid-text%n", validation, (corpus.words() ? "token" : "character") + (validation == 1 ? "" : "s"),
                    FEW_VALIDATION_TOKENS, validation < 2 ? " and none is measured" : "");
        }
        bar.start(p);
    }

    @Override
    public void onStep(TrainingProgress p) {
        bar.step(p, status);
    }

    private String status(TrainingProgress p) {
        return String.format(Locale.ROOT, "epoch %d loss %.3f smooth %.3f %s%,.0f tok/s",
                p.epoch(), p.loss(), p.smoothLoss(),
                lastValidation == null ? "" : String.format(Locale.ROOT, "val %.3f ", lastValidation.loss()),
                p.tokensPerSecond());
    }

    @Override
    public void onEvaluation(TrainingProgress p, Evaluation v, boolean best) {
        lastValidation = v;
        lastValidationStep = p.step();
        above(String.format(Locale.ROOT,
                "step %d (epoch %d, %.0f s): validation loss %.4f, perplexity %.2f, %.3f bits/%s, accuracy %.1f%%%s",
                p.step(), p.epoch(), p.seconds(), v.loss(), v.perplexity(), v.bitsPerToken(), unit, 100 * v.accuracy(),
                best ? " (best)" : ""));
    }

    @Override
    public void onSample(TrainingProgress p, String text) {
        above("--- sample at step " + p.step() + " ---\n" + text.strip() + "\n---");
        if (gallery != null) {
            gallery.add(p.step(), lastValidation, lastValidationStep, text);
        }
    }

    @Override
    public void onEnd(TrainingProgress p, StopReason reason) {
        bar.close(p);
    }

    private void above(String text) {
        bar.above(text);
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
        out.println("files: " + Stream.of(Trainer.LATEST, Trainer.BEST, "metrics.jsonl", LossPlot.FILE_NAME,
                        SampleGallery.TEXT_FILE, SampleGallery.HTML_FILE)
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
