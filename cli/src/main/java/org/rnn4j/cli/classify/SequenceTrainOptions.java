package org.rnn4j.cli.classify;

import java.nio.file.Path;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.cli.Threads;
import org.rnn4j.cli.TrainingRun;
import org.rnn4j.data.Batching;
import org.rnn4j.head.Head;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.random.Rng;
import org.rnn4j.train.LabelledTraining;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.Trainer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model and training options of {@code classify train} and {@code label train}, and the run they make: the
 * encoder's shape, the optimizer (Adam), the limits, one validation per epoch with early stopping on its loss,
 * and the run folder.
 */
public final class SequenceTrainOptions {

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

    @Option(names = "--batch-size", description = "Sequences per window, one per row (default: ${DEFAULT-VALUE})", defaultValue = "32")
    int batchSize;

    @Option(names = "--learning-rate", description = "Adam's learning rate (default: ${DEFAULT-VALUE})", defaultValue = "0.002")
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

    @Mixin
    Threads threads;

    /** The encoder these options shape, on {@code vocabularySize} tokens, with {@code head}. */
    ModelConfig model(int vocabularySize, Head head) {
        try {
            return new ModelConfig(Cells.of(cell), vocabularySize, wordvecSize, rnnSize, numLayers, dropout, false, head);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** Training with one validation per epoch of {@code windowsPerEpoch} windows. */
    TrainConfig training(int windowsPerEpoch, int longest) {
        try {
            return new TrainConfig(Batching.STREAM, batchSize, longest, epochs, maxSteps, minutes, patience,
                    OptimizerConfig.defaults(OptimizerKind.ADAM), learningRate, new ScheduleConfig(ScheduleKind.CONSTANT, 1f, 1, 1),
                    gradClip, 0f, windowsPerEpoch, 0, Math.max(1, windowsPerEpoch / 10), Initialization.pytorch(), seed, 0);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /**
     * Trains a new model with {@code head} on {@code data} in the run folder (named after {@code command} by
     * default), printing {@code summary} about the data first; returns the folder.
     */
    Path train(LabelledTraining data, Head head, String command, String summary) {
        threads.apply();
        if (batchSize < 1) {
            throw new InvalidInputException("--batch-size must be at least 1, got " + batchSize);
        }
        int windows = (data.train().size() + batchSize - 1) / batchSize;
        ModelConfig modelConfig = model(data.vocabulary().size(), head);
        TrainConfig config = training(windows, data.train().longest());
        SequenceModel model = new SequenceModel(modelConfig, KernelProvider.kernels());
        Initializer.initialize(model, config.initialization(), new Rng(config.seed()).split());
        Path folder = out != null ? out : TrainingRun.defaultFolder(command);
        Trainer trainer = new Trainer(model, data, config, folder, new LabelledProgress(modelConfig, summary, folder), null);
        TrainingRun.run(trainer, folder, false, reason -> { });
        return folder;
    }
}
