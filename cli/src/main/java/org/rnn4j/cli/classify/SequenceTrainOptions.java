package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.cli.ModelLoader;
import org.rnn4j.cli.Threads;
import org.rnn4j.cli.TrainingRun;
import org.rnn4j.data.Batching;
import org.rnn4j.head.Head;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.random.Rng;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.LabelledTraining;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.Trainer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The model and training options of {@code classify train} and {@code label train}, and the run they make: the
 * encoder's shape, the optimizer, the limits, one validation per epoch with early stopping on its loss,
 * and the run folder.
 */
public final class SequenceTrainOptions {

    /** The options a resumed run may change: its limits, and where and how fast it runs. */
    private static final List<String> MAY_CHANGE = List.of("--epochs", "--max-steps", "--minutes", "--patience", "--out", "--threads",
            "--resume");
    private static final String MAY_CHANGE_LIST = "--epochs, --max-steps, --minutes, --patience, --out and --threads";

    @Option(names = "--cell", completionCandidates = Cells.Ids.class,
            description = "Recurrent cell: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})", defaultValue = "lstm")
    String cell;

    @Option(names = "--rnn-size", description = "Hidden units per layer (default: ${DEFAULT-VALUE})", defaultValue = "128")
    int rnnSize;

    @Option(names = "--num-layers", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int numLayers;

    @Option(names = "--wordvec-size", description = "Embedding size; 0 feeds one-hot vectors (default: ${DEFAULT-VALUE})", defaultValue = "64")
    int wordvecSize;

    @Option(names = "--dropout", description = "Dropout on the embedding and on each layer's output (default: ${DEFAULT-VALUE})", defaultValue = "0.5")
    float dropout;

    @Option(names = "--learn-initial-state", description = "Learn each layer's initial h (and c) instead of starting every sequence from zero")
    boolean learnInitialState;

    @Option(names = "--batch-size", description = "Sequences per window, one per row (default: ${DEFAULT-VALUE})", defaultValue = "32")
    int batchSize;

    @Option(names = "--optimizer", description = "sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw (default: ${DEFAULT-VALUE})",
            defaultValue = "adam")
    String optimizer;

    @Option(names = "--learning-rate", description = "Initial learning rate (default: ${DEFAULT-VALUE})", defaultValue = "0.002")
    float learningRate;

    @Option(names = "--grad-clip", description = "Clip the global gradient norm; 0 = off (default: ${DEFAULT-VALUE})", defaultValue = "5")
    float gradClip;

    @Option(names = "--epochs", description = "Passes over the training split (default: ${DEFAULT-VALUE})", defaultValue = "30")
    int epochs;

    @Option(names = "--max-steps", description = "Stop after this many updates; 0 = no limit (default: ${DEFAULT-VALUE})", defaultValue = "0")
    long maxSteps;

    @Option(names = "--minutes", description = "Stop after this much time; 0 = no limit (default: ${DEFAULT-VALUE})", defaultValue = "0")
    double minutes;

    @Option(names = "--patience", description = "Early stopping: epochs without a better validation loss; 0 = off (default: ${DEFAULT-VALUE})",
            defaultValue = "5")
    int patience;

    @Option(names = "--seed", description = "Seed of the split, the weights and the order of the windows (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder for checkpoints, metrics and plots (default: runs/<command>-<time>)")
    Path out;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue the run of this checkpoint exactly where it stopped, on the"
            + " data and with the settings it records; only " + MAY_CHANGE_LIST + " may be given")
    Path resume;

    @Mixin
    Threads threads;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The encoder these options shape, on {@code vocabularySize} tokens, with {@code head}. */
    ModelConfig model(int vocabularySize, Head head) {
        try {
            return new ModelConfig(Cells.of(cell), vocabularySize, wordvecSize, rnnSize, numLayers, dropout, dropout, false, head,
                    learnInitialState ? InitialState.LEARNED : InitialState.ZERO);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** Training with one validation per epoch of {@code windowsPerEpoch} windows. */
    TrainConfig training(int windowsPerEpoch, int longest) {
        try {
            return new TrainConfig(Batching.STREAM, batchSize, longest, epochs, maxSteps, minutes, patience,
                    OptimizerConfig.defaults(OptimizerKind.fromId(optimizer)), learningRate, new ScheduleConfig(ScheduleKind.CONSTANT, 1f, 1, 1),
                    gradClip, 0f, windowsPerEpoch, 0, Math.max(1, windowsPerEpoch / 10), Initialization.pytorch(), seed, 0);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /**
     * The checkpoint of {@code --resume}, whose head must be {@code head}, or null for a new run. Every option
     * given besides {@link #MAY_CHANGE} is refused: a resumed run keeps the settings it records.
     */
    Checkpoint resumed(ParseResult given, String head) {
        if (resume == null) {
            return null;
        }
        for (OptionSpec option : given.matchedOptions()) {
            if (!MAY_CHANGE.contains(option.longestName())) {
                throw new InvalidInputException(option.longestName() + " cannot be given with --resume: the run keeps the data and settings"
                        + " its checkpoint records; only " + MAY_CHANGE_LIST + " may change");
            }
        }
        Checkpoint checkpoint = ModelLoader.load(resume, head);
        if (!checkpoint.resumable()) {
            throw new InvalidInputException(resume + " holds no training state to resume; give the checkpoint.safetensors of a run");
        }
        return checkpoint;
    }

    /** The data options a run records in its checkpoint's tokenizer settings, so that --resume reads the same data. */
    static Map<String, Object> recorded(Map<String, Object> tokenizer, Map<String, Object> data) {
        Map<String, Object> json = new LinkedHashMap<>(tokenizer);
        json.put("data", data);
        return json;
    }

    /** The data options recorded by {@link #recorded}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> recordedData(Checkpoint checkpoint) {
        if (!(checkpoint.tokenizer().get("data") instanceof Map<?, ?> data)) {
            throw new InvalidInputException(checkpoint.file() + " does not record its data; it cannot be resumed");
        }
        return (Map<String, Object>) data;
    }

    /**
     * Refuses to resume on data that no longer gives the tokens and labels the checkpoint was trained on (the
     * file changed since).
     */
    static void requireSameData(Checkpoint checkpoint, LabelledTraining data) {
        if (!checkpoint.vocabulary().tokens().equals(data.vocabulary().tokens()) || !checkpoint.labels().equals(data.labels())) {
            throw new InvalidInputException(checkpoint.file() + " was trained on other data than " + recordedData(checkpoint).get("path")
                    + " holds now (its vocabulary or labels differ); train a new model");
        }
    }

    /**
     * Trains with {@code head} on {@code data} in the run folder (named after {@code command} by default), printing
     * {@code summary} about the data first; a new model, or the one of {@code checkpoint} from where its run
     * stopped. Returns the folder.
     */
    Path train(LabelledTraining data, Head head, String command, String summary, Checkpoint checkpoint) {
        threads.apply();
        if (batchSize < 1) {
            throw new InvalidInputException("--batch-size must be at least 1, got " + batchSize);
        }
        ModelConfig modelConfig;
        TrainConfig config;
        SequenceModel model;
        if (checkpoint == null) {
            int windows = (data.train().size() + batchSize - 1) / batchSize;
            modelConfig = model(data.vocabulary().size(), head);
            config = training(windows, data.train().longest());
            model = new SequenceModel(modelConfig, KernelProvider.kernels());
            Initializer.initialize(model, config.initialization(), new Rng(config.seed()).split());
        } else {
            requireSameData(checkpoint, data);
            modelConfig = checkpoint.model();
            config = withLimits(checkpoint.training());
            checkpoint = checkpoint.resumedWith(config);
            model = ModelLoader.load(checkpoint);
        }
        Path folder = out != null ? out : checkpoint != null ? resume.toAbsolutePath().getParent() : TrainingRun.defaultFolder(command);
        Trainer trainer = new Trainer(model, data, config, folder, new LabelledProgress(modelConfig, summary, folder), checkpoint);
        TrainingRun.run(trainer, folder, checkpoint != null, reason -> { });
        return folder;
    }

    /** The saved settings with the limits given on this command line. */
    private TrainConfig withLimits(TrainConfig saved) {
        ParseResult given = spec.commandLine().getParseResult();
        return new TrainConfig(saved.batching(), saved.batchSize(), saved.seqLength(),
                given.hasMatchedOption("--epochs") ? epochs : saved.epochs(),
                given.hasMatchedOption("--max-steps") ? maxSteps : saved.maxSteps(),
                given.hasMatchedOption("--minutes") ? minutes : saved.minutes(),
                given.hasMatchedOption("--patience") ? patience : saved.patience(), saved.optimizer(), saved.learningRate(),
                saved.schedule(), saved.gradClip(), saved.clipValue(), saved.evalEvery(), saved.sampleEvery(), saved.logEvery(),
                saved.initialization(), saved.seed(), saved.validationTokens());
    }
}
