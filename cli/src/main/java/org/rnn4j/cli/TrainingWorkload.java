package org.rnn4j.cli;

import org.rnn4j.data.StreamBatcher;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.random.Rng;
import org.rnn4j.train.TrainingStep;

/**
 * Training updates of a benchmark configuration on random tokens: the trainer's own step (forward,
 * softmax cross-entropy, backward, clipping, optimizer) over consecutive windows, the state carried, and reset
 * when the data starts over, as the trainer resets it at each epoch.
 */
final class TrainingWorkload implements BenchWorkload {

    private static final int DATA_WINDOWS = 16;

    private final BenchConfig config;
    private final SequenceModel model;
    private final TrainingStep step;
    private final StreamBatcher batcher;
    private final Workspace workspace;
    private final RecurrentState state;
    private final Rng rng;
    private int window;

    TrainingWorkload(BenchConfig config, InitialState initialState, long seed) {
        this.config = config;
        this.rng = new Rng(seed);
        this.model = new SequenceModel(config.model(initialState), KernelProvider.kernels());
        Initializer.initialize(model, Initialization.pytorch(), rng);
        var optimizer = new Optimizer(config.optimizerConfig(), model.parameters().layout().size());
        this.step = new TrainingStep(model, optimizer, config.gradClip, config.clipValue);
        this.batcher = new StreamBatcher(randomTokens(config, rng), config.batch, config.steps, "the benchmark data");
        this.workspace = model.workspace(config.steps, config.batch);
        this.state = model.newState(config.batch);
    }

    private static int[] randomTokens(BenchConfig config, Rng rng) {
        int[] tokens = new int[config.batch * config.steps * DATA_WINDOWS + 1];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = (int) Math.floorMod(rng.nextLong(), (long) config.vocabulary);
        }
        return tokens;
    }

    @Override
    public void step() {
        if (window == 0) {
            state.reset();
        }
        batcher.fill(window, workspace.inputs(), workspace.targets());
        step.forward(workspace, state, rng);
        step.update(workspace, config.learningRate);
        window = (window + 1) % batcher.windows();
    }

    @Override
    public int tokensPerStep() {
        return workspace.positions();
    }

    @Override
    public long parameters() {
        return model.parameters().layout().parameterCount();
    }

    @Override
    public int cycleSteps() {
        return batcher.windows();
    }
}
