package org.rnn4j.cli;

import org.rnn4j.data.LabelledSequences;
import org.rnn4j.data.SequenceBatcher;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Workspace;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.random.Rng;
import org.rnn4j.train.TrainingStep;

/**
 * Training updates of a sequence classifier on random sequences of {@link BenchConfig#SHORTEST} to T tokens with
 * random classes, batched as {@code classify train} batches them (by length, one per row, padded after each
 * end), each window from a zero state. Its tokens per step are the real tokens of a pass divided by its windows.
 */
final class ClassifierWorkload implements BenchWorkload {

    private static final int DATA_WINDOWS = 16;

    private final BenchConfig config;
    private final SequenceModel model;
    private final TrainingStep step;
    private final SequenceBatcher batcher;
    private final Workspace workspace;
    private final RecurrentState state;
    private final Rng rng;
    private final int tokensPerStep;
    private int pass;
    private int window;

    ClassifierWorkload(BenchConfig config, InitialState initialState, long seed) {
        this.config = config;
        this.rng = new Rng(seed);
        this.model = new SequenceModel(config.model(initialState), KernelProvider.kernels());
        Initializer.initialize(model, Initialization.pytorch(), rng);
        var optimizer = new Optimizer(config.optimizerConfig(), model.parameters().layout().size());
        this.step = new TrainingStep(model, optimizer, config.gradClip, config.clipValue);
        LabelledSequences data = randomSequences(config, rng);
        this.batcher = new SequenceBatcher(data, config.batch, seed);
        this.workspace = model.workspace(batcher.steps(), config.batch);
        this.state = model.newState(config.batch);
        long tokens = 0;
        for (int[] sequence : data.tokens()) {
            tokens += sequence.length;
        }
        this.tokensPerStep = (int) (tokens / batcher.windows());
    }

    private static LabelledSequences randomSequences(BenchConfig config, Rng rng) {
        int count = config.batch * DATA_WINDOWS;
        int[][] tokens = new int[count][];
        int[] classes = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = new int[BenchConfig.SHORTEST + (int) Math.floorMod(rng.nextLong(), (long) config.steps - BenchConfig.SHORTEST + 1)];
            for (int t = 0; t < tokens[i].length; t++) {
                tokens[i][t] = (int) Math.floorMod(rng.nextLong(), (long) config.vocabulary);
            }
            classes[i] = (int) Math.floorMod(rng.nextLong(), (long) BenchConfig.CLASSES);
        }
        return LabelledSequences.ofClasses(tokens, classes);
    }

    @Override
    public void step() {
        state.reset();
        batcher.fill(pass, window, workspace);
        step.forward(workspace, state, rng);
        step.update(workspace, config.learningRate);
        if (++window == batcher.windows()) {
            window = 0;
            pass++;
        }
    }

    @Override
    public int tokensPerStep() {
        return tokensPerStep;
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
