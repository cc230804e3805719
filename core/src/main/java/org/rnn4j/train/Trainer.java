package org.rnn4j.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.data.Batches;
import org.rnn4j.data.Batching;
import org.rnn4j.model.LanguageModel;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.optim.LearningRate;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.random.Rng;
import org.rnn4j.sample.Decoding;
import org.rnn4j.sample.Sampler;
import org.rnn4j.sample.SamplingConfig;
import org.rnn4j.sample.SentenceGenerator;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.Vocabulary;

/**
 * Truncated-BPTT training of a language model: B contiguous streams, T-step windows, the hidden state
 * carried across windows and reset at each epoch. Evaluates, samples, checkpoints and stops as its
 * {@link TrainConfig} says. A run resumed from a checkpoint repeats exactly what an uninterrupted run
 * would have done: every random draw and every schedule decision is part of the saved state.
 */
public final class Trainer {

    /** Checkpoint of the latest state, resumable. */
    public static final String LATEST = "checkpoint.safetensors";
    /** Checkpoint with the best validation loss so far. */
    public static final String BEST = "best.safetensors";

    private static final double SMOOTHING = 0.999;
    private static final int SAMPLE_LENGTH = 200;       // characters
    private static final int SAMPLE_SENTENCE_WORDS = 60;

    private final LanguageModel model;
    private final Corpus corpus;
    private final TrainConfig config;
    private final Path folder;              // null: nothing is written
    private final TrainingListener listener;
    private final Optimizer optimizer;
    private final TrainingStep step;
    private final LearningRate learningRate;
    private final Batches batches;
    private final Workspace workspace;
    private final RecurrentState state;
    private final Evaluator validation;     // null without a validation split
    private final TrainingProgress progress = new TrainingProgress();
    private final double explodedLoss;      // a window loss above this means divergence
    private Sampler sampler;                // made at the first sample of a character model, then reused
    private SentenceGenerator sentences;    // the same for a word model
    private Rng rng;
    private int epoch;
    private int window;
    private double bestValidationLoss = Double.POSITIVE_INFINITY; // of the scheduled evaluations: patience counts against it
    private double bestSavedLoss = Double.POSITIVE_INFINITY;      // of best.safetensors: ≤ bestValidationLoss
    private int staleEvaluations;
    private long lastCheckpointStep = -1;
    private boolean validationPending;      // the evaluation due at this step was cut short by a stop request
    private volatile boolean stopRequested;

    /**
     * Prepares a run of a model whose parameters are already initialized or loaded. {@code resume}, when
     * not null, restores optimizer moments, schedule, data position, state and random generator.
     */
    public Trainer(LanguageModel model, Corpus corpus, TrainConfig config, Path folder, TrainingListener listener,
                   Checkpoint resume) {
        this.model = model;
        this.corpus = corpus;
        this.config = config;
        this.folder = folder;
        this.listener = listener;
        this.optimizer = new Optimizer(config.optimizer(), model.parameters().layout().size());
        this.step = new TrainingStep(model, optimizer, config.gradClip(), config.clipValue());
        this.learningRate = new LearningRate(config.learningRate(), config.schedule());
        this.batches = config.batching().batches(corpus.train(), corpus.vocabulary(), config.batchSize(), config.seqLength(),
                config.seed(), "the training split");
        this.workspace = model.workspace(config.seqLength(), config.batchSize());
        this.state = model.newState(config.batchSize());
        this.validation = validation(model, corpus, config, workspace);
        this.explodedLoss = 3 * Math.log(corpus.vocabulary().size()) + 10;
        this.rng = new Rng(config.seed());
        progress.windowsPerEpoch = batches.windows();
        progress.learningRate = learningRate.current();
        progress.smoothLoss = Math.log(corpus.vocabulary().size());
        progress.totalSteps = plannedSteps(config, batches.windows());
        if (resume != null) {
            restore(resume);
        }
    }

    /**
     * The arrays a run of a {@code model}-shaped model under {@code config}, validating on
     * {@code validationTokens} tokens, allocates, counted before any of them exists: parameters and gradients,
     * optimizer moments, the training workspace, the validation one when that one does not fit, and the
     * carried states.
     */
    public static MemoryEstimate memory(ModelConfig model, TrainConfig config, int validationTokens) {
        MemoryEstimate memory = LanguageModel.memory(model);
        memory.add("the optimizer moments", Optimizer.momentCount(config.optimizer().kind()), ModelLayout.size(model), Float.BYTES);
        LanguageModel.addWorkspace(memory, model, config.seqLength(), config.batchSize());
        int validationRows = config.batchSize();
        if (config.batching() == Batching.STREAM && validationTokens >= 2) {
            validationRows = Evaluator.streamRows(validationTokens, config.batchSize(), config.seqLength());
            if (validationRows != config.batchSize()) {
                LanguageModel.addWorkspace(memory, model, Evaluator.streamSteps(validationTokens, config.seqLength()), validationRows);
            }
        }
        long state = MemoryEstimate.product(model.cell().stateVectors(), model.hiddenSize());
        memory.add("the carried state", model.layers(), MemoryEstimate.product(state, config.batchSize()), Float.BYTES);
        return memory.add("the validation state", model.layers(), MemoryEstimate.product(state, validationRows), Float.BYTES);
    }

    /**
     * Scores the validation split as training reads its data, in the training workspace, which holds nothing
     * between steps; null when the split is too small to score.
     */
    private static Evaluator validation(LanguageModel model, Corpus corpus, TrainConfig config, Workspace workspace) {
        int length = validationLength(corpus, config);
        if (length < 2) {
            return null;
        }
        int[] tokens = length == corpus.validation().length ? corpus.validation() : Arrays.copyOf(corpus.validation(), length);
        if (config.batching() == Batching.STREAM) {
            return new Evaluator(model, tokens, config.batchSize(), config.seqLength(), workspace);
        }
        return new Evaluator(model, config.batching().batches(tokens, corpus.vocabulary(), config.batchSize(),
                config.seqLength(), config.seed(), "the validation split"), workspace);
    }

    /**
     * How many tokens from the start of the validation split every evaluation reads: enough for
     * {@link TrainConfig#validationTokens} predictions (all of the split when 0), in sentence batches cut
     * after the last whole sentence (the first, when even that one is longer).
     */
    public static int validationLength(Corpus corpus, TrainConfig config) {
        int[] split = corpus.validation();
        long cap = config.validationTokens();
        if (cap == 0 || cap + 1 >= split.length) {
            return split.length;
        }
        int length = (int) cap + 1;
        if (config.batching() != Batching.SENTENCES) {
            return length;
        }
        int end = corpus.vocabulary().id(Vocabulary.SENTENCE_END);
        int last = length - 1;
        while (last >= 0 && split[last] != end) {
            last--;
        }
        if (last < 0) {
            last = length;
            while (last < split.length - 1 && split[last] != end) {
                last++;
            }
        }
        return last + 1;
    }

    private static long plannedSteps(TrainConfig config, int windowsPerEpoch) {
        long byEpochs = (long) config.epochs() * windowsPerEpoch;
        return config.maxSteps() > 0 ? Math.min(config.maxSteps(), byEpochs) : byEpochs;
    }

    private void restore(Checkpoint checkpoint) {
        TrainingState saved = checkpoint.trainingState();
        checkpoint.restoreOptimizer(optimizer);
        checkpoint.restoreRecurrentState(state);
        learningRate.restore(saved.learningRate());
        rng = new Rng(saved.rngState());
        epoch = saved.epoch();
        window = saved.window();
        bestValidationLoss = saved.bestValidationLoss();
        bestSavedLoss = saved.bestSavedLoss();
        staleEvaluations = saved.staleEvaluations();
        validationPending = saved.validationPending();
        progress.step = saved.step();
        progress.tokens = saved.tokens();
        progress.seconds = saved.seconds();
        progress.smoothLoss = saved.smoothLoss();
        progress.learningRate = learningRate.current();
        lastCheckpointStep = saved.step();
    }

    /**
     * Asks the run to stop after the current step, or within a window when it is evaluating, save a
     * resumable checkpoint and return. Thread-safe.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /** Trains until a limit is reached; returns why it stopped. */
    public StopReason run() {
        long sessionStart = System.nanoTime();
        double secondsBefore = progress.seconds;
        MetricsLog log = folder == null ? null : new MetricsLog(folder, progress.step);
        listener.onStart(progress);
        try {
            // a run stopped during an evaluation does it first, as the uninterrupted run did before its next step
            StopReason reason = validationPending && evaluate(log) ? StopReason.EARLY_STOPPING : train(log, secondsBefore, sessionStart);
            finish(log);
            listener.onEnd(progress, reason);
            return reason;
        } finally {
            if (log != null) {
                log.close();
            }
        }
    }

    /** The training loop, from the saved data position until a limit is reached. */
    private StopReason train(MetricsLog log, double secondsBefore, long sessionStart) {
        long tokensBefore = progress.tokens;
        while (epoch < config.epochs()) {
            if (window == 0) {
                state.reset();
            }
            progress.epoch = epoch + 1;
            while (window < batches.windows()) {
                StopReason reason = limitReached(secondsBefore, sessionStart);
                if (reason != null) {
                    return reason;
                }
                if (!batches.carriesState()) {
                    state.reset();
                }
                batches.fill(epoch, window, workspace);
                double loss = step.forward(workspace, state, rng);
                checkDiverged(loss);
                step.update(workspace, learningRate.current());
                window++;
                progress.step++;
                progress.tokens += workspace.scored();
                progress.window = window;
                progress.loss = loss;
                progress.smoothLoss = SMOOTHING * progress.smoothLoss + (1 - SMOOTHING) * loss;
                progress.seconds = secondsBefore + (System.nanoTime() - sessionStart) / 1e9;
                progress.tokensPerSecond = (progress.tokens - tokensBefore) / Math.max(1e-9, progress.seconds - secondsBefore);
                listener.onStep(progress);
                if (log != null && progress.step % config.logEvery() == 0) {
                    log.train(progress);
                }
                if (progress.step % config.evalEvery() == 0 && evaluate(log)) {
                    return StopReason.EARLY_STOPPING;
                }
                if (validationPending) {
                    return StopReason.INTERRUPTED; // a stop request cut the evaluation short: no sample before saving
                }
                if (config.sampleEvery() > 0 && progress.step % config.sampleEvery() == 0) {
                    listener.onSample(progress, sample());
                }
            }
            window = 0;
            epoch++;
            learningRate.onEpochEnd(epoch);
            progress.learningRate = learningRate.current();
        }
        return StopReason.EPOCHS;
    }

    private StopReason limitReached(double secondsBefore, long sessionStart) {
        if (stopRequested) {
            return StopReason.INTERRUPTED;
        }
        if (config.maxSteps() > 0 && progress.step >= config.maxSteps()) {
            return StopReason.MAX_STEPS;
        }
        double seconds = secondsBefore + (System.nanoTime() - sessionStart) / 1e9;
        if (config.minutes() > 0 && seconds >= config.minutes() * 60) {
            return StopReason.TIME;
        }
        return null;
    }

    private void checkDiverged(double loss) {
        if (Double.isFinite(loss) && loss <= explodedLoss) {
            return;
        }
        String kept = lastCheckpointStep >= 0 && folder != null
                ? "the last good checkpoint is " + folder.resolve(LATEST) + " (step " + lastCheckpointStep + ")"
                : "no checkpoint was written yet";
        String what = Double.isNaN(loss) ? "NaN"
                : Double.isInfinite(loss) ? "infinite"
                : String.format(Locale.ROOT, "%.1f (exploding)", loss);
        throw new TrainingDivergedException(String.format(Locale.ROOT,
                "training diverged at step %d: the loss is %s; %s; lower the learning rate (now %g) or clip gradients harder",
                progress.step + 1, what, kept, learningRate.current()));
    }

    /**
     * A scheduled evaluation: reports, checkpoints, steps the schedule; true when early stopping fires. A
     * stop request abandons it: the checkpoint then records it as pending.
     */
    private boolean evaluate(MetricsLog log) {
        if (validation == null) {
            saveLatest();
            return false;
        }
        Optional<Evaluation> done = validation.evaluate(null, () -> stopRequested);
        validationPending = done.isEmpty();
        if (validationPending) {
            saveLatest();
            return false;
        }
        Evaluation result = done.get();
        if (result.loss() < bestValidationLoss) {
            bestValidationLoss = result.loss();
            staleEvaluations = 0;
        } else {
            staleEvaluations++;
        }
        learningRate.onValidation(result.loss());
        progress.learningRate = learningRate.current();
        report(log, result);
        saveLatest();
        return config.patience() > 0 && staleEvaluations >= config.patience();
    }

    /**
     * End of run: an evaluation when the last step had none, and the resumable checkpoint. That evaluation
     * saves best.safetensors when it beats it, but steps no schedule and counts toward no patience: a resumed
     * run goes on as if it had never stopped. A stop request skips it, so that Ctrl-C saves within seconds.
     */
    private void finish(MetricsLog log) {
        if (validation != null && progress.step % config.evalEvery() != 0 && progress.step > 0 && !stopRequested) {
            validation.evaluate(null, () -> stopRequested).ifPresent(result -> report(log, result));
        }
        if (lastCheckpointStep != progress.step) {
            saveLatest();
        }
    }

    /** Logs and reports an evaluation, and saves best.safetensors when it beats the model there. */
    private void report(MetricsLog log, Evaluation result) {
        boolean best = result.loss() < bestSavedLoss;
        if (best) {
            bestSavedLoss = result.loss();
        }
        if (log != null) {
            log.validation(progress, result);
        }
        listener.onEvaluation(progress, result, best);
        if (best) {
            save(BEST);
        }
    }

    private void saveLatest() {
        save(LATEST);
        lastCheckpointStep = progress.step;
    }

    private void save(String name) {
        if (folder == null) {
            return;
        }
        Path file = folder.resolve(name);
        Checkpoint.save(file, model, corpus, config, optimizer, trainingState(), state);
        listener.onCheckpoint(progress, file);
    }

    /** The state a checkpoint taken now records. */
    public TrainingState trainingState() {
        return new TrainingState(epoch, window, progress.step, progress.tokens, progress.seconds, progress.smoothLoss,
                bestValidationLoss, staleEvaluations, bestSavedLoss, rng.state(), learningRate.state(), validationPending);
    }

    /** A sample of the model as it is now: text for a character model, a sentence (words spaced) for a word model. */
    private String sample() {
        Rng rng = new Rng(config.seed() ^ progress.step);
        if (corpus.words()) {
            if (sentences == null) {
                sentences = new SentenceGenerator(model, corpus.vocabulary(), 1, config.batching().sentenceStart());
            }
            var sampling = new SamplingConfig(SAMPLE_SENTENCE_WORDS, 0.8f, 0, 1f, Decoding.SAMPLE, "");
            return String.join(" ", sentences.generate(List.of(), 1, sampling, rng).get(0));
        }
        if (sampler == null) {
            sampler = new Sampler(model, corpus.vocabulary());
        }
        var sampling = new SamplingConfig(SAMPLE_LENGTH, 0.8f, 0, 1f, Decoding.SAMPLE, "");
        return sampler.generate("", sampling, rng, piece -> { });
    }

    public TrainingProgress progress() {
        return progress;
    }

    /** The validation loss of the model in best.safetensors, the best seen (infinite when none). */
    public double bestValidationLoss() {
        return bestSavedLoss;
    }
}
