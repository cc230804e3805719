package org.rnn4j.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.rnn4j.data.Batches;
import org.rnn4j.data.Batching;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.optim.LearningRate;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.random.Rng;

/**
 * Training of any model (encoder + head) on its {@link TrainingData}: windows of T steps × N rows, truncated
 * BPTT with the hidden state carried across windows when the data says so (a language model's B contiguous
 * streams) and reset at each epoch. Evaluates, samples, checkpoints and stops as its
 * {@link TrainConfig} says. A run resumed from a checkpoint repeats exactly what an uninterrupted run
 * would have done: every random draw and every schedule decision is part of the saved state.
 */
public final class Trainer {

    /** Checkpoint of the latest state, resumable. */
    public static final String LATEST = "checkpoint.safetensors";
    /** Checkpoint with the best validation loss so far. */
    public static final String BEST = "best.safetensors";

    private static final double SMOOTHING = 0.999;

    private final SequenceModel model;
    private final TrainingData data;
    private final TrainConfig config;
    private final Path folder;              // null: nothing is written
    private final TrainingListener listener;
    private final Optimizer optimizer;
    private final TrainingStep step;
    private final LearningRate learningRate;
    private final Batches batches;
    private Workspace workspace;            // null once the run has ended
    private final RecurrentState state;
    private Evaluator validation;           // null without a validation split, and once the run has ended
    private final TrainingProgress progress = new TrainingProgress();
    private final double explodedLoss;      // a window loss above this means divergence
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
    public Trainer(SequenceModel model, TrainingData data, TrainConfig config, Path folder, TrainingListener listener,
                   Checkpoint resume) {
        if (!data.labels().isEmpty() && data.labels().size() != model.config().outputs()) {
            throw new IllegalArgumentException("the data names " + data.labels().size() + " labels but the model's "
                    + model.config().head().id() + " head predicts " + model.config().outputs());
        }
        this.model = model;
        this.data = data;
        this.config = config;
        this.folder = folder;
        this.listener = listener;
        this.optimizer = new Optimizer(config.optimizer(), model.parameters().layout().size());
        this.step = new TrainingStep(model, optimizer, config.gradClip(), config.clipValue());
        this.learningRate = new LearningRate(config.learningRate(), config.schedule());
        this.batches = data.training(config);
        this.workspace = model.workspace(batches.steps(), batches.rows());
        this.state = model.newState(batches.rows());
        this.validation = data.validation(model, config, workspace);
        double chance = Math.log(model.config().outputs()); // the loss of a uniform guess
        this.explodedLoss = 3 * chance + 10;
        this.rng = new Rng(config.seed());
        progress.windowsPerEpoch = batches.windows();
        progress.learningRate = learningRate.current();
        progress.smoothLoss = chance;
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
    public static MemoryEstimate memory(ModelConfig model, TrainConfig config, long validationTokens) {
        MemoryEstimate memory = SequenceModel.memory(model);
        memory.add("the optimizer moments", Optimizer.momentCount(config.optimizer().kind()), ModelLayout.size(model), Float.BYTES);
        SequenceModel.addWorkspace(memory, model, config.seqLength(), config.batchSize());
        int validationRows = config.batchSize();
        if (config.batching() == Batching.STREAM && validationTokens >= 2) {
            validationRows = Evaluator.streamRows(validationTokens, config.batchSize(), config.seqLength());
            if (validationRows != config.batchSize()) {
                SequenceModel.addWorkspace(memory, model, Evaluator.streamSteps(validationTokens, config.seqLength()), validationRows);
            }
        }
        long state = MemoryEstimate.product(model.cell().stateVectors(), model.hiddenSize());
        memory.add("the carried state", model.layers(), MemoryEstimate.product(state, config.batchSize()), Float.BYTES);
        return memory.add("the validation state", model.layers(), MemoryEstimate.product(state, validationRows), Float.BYTES);
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

    /**
     * Trains until a limit is reached; returns why it stopped. A trainer runs once: when it returns it lets
     * go of its window buffers, most of a run's memory, so that what follows the run has it back.
     */
    public StopReason run() {
        if (workspace == null) {
            throw new IllegalStateException("this trainer has run; resume from its checkpoint with a new one");
        }
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
            workspace = null;
            validation = null;
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
                progress.tokens += workspace.tokens();
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
                    data.sample(model, config, progress.step).ifPresent(text -> listener.onSample(progress, text));
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
        Checkpoint.save(file, model, data, config, optimizer, trainingState(), state);
        listener.onCheckpoint(progress, file);
    }

    /** The state a checkpoint taken now records. */
    public TrainingState trainingState() {
        return new TrainingState(epoch, window, progress.step, progress.tokens, progress.seconds, progress.smoothLoss,
                bestValidationLoss, staleEvaluations, bestSavedLoss, rng.state(), learningRate.state(), validationPending);
    }

    public TrainingProgress progress() {
        return progress;
    }

    /** The validation loss of the model in best.safetensors, the best seen (infinite when none). */
    public double bestValidationLoss() {
        return bestSavedLoss;
    }
}
