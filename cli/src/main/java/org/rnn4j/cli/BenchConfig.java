package org.rnn4j.cli;

import java.util.EnumSet;
import java.util.Set;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.Cells;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.classifier.Pooling;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.tensor.TensorShape;

/**
 * The benchmark configurations rnn4j is measured on. C1–C5 are the peers' scripts' set-ups: four training
 * runs from a minimal character RNN to a large two-layer LSTM/GRU, and single-stream sampling, all with a
 * character vocabulary of 65, the size of tiny-shakespeare's. W1 and W2 are the word models of the Penn
 * Treebank presets, whose 10,000-word output layer dominates the cost. CHO, RRU, PEEPHOLE, MUT1–MUT3 and
 * MRNN are C3 with the cells that no peer has. CLS is the default size of {@code rnn4j classify train}'s model on
 * poetry lines as part-of-speech tags: sequences of 4 to 16 tokens over 48 tags, one per row, the final state
 * classified into 2 classes.
 */
enum BenchConfig {
    C1("tanh RNN 1×100, one-hot, B=1, T=25, AdaGrad 0.1, clip ±5",
            Cells.of("rnn"), 1, 100, 0, 1, 25, OptimizerKind.ADAGRAD, 0.1f, 0f, 5f, BenchTask.TRAIN, 65),
    C2("LSTM 2×128, embedding 128, B=50, T=50, RMSProp 2e-3, clip norm 5",
            Cells.of("lstm"), 2, 128, 128, 50, 50, OptimizerKind.RMSPROP, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    C3("LSTM 2×512, embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("lstm"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    C4("GRU 2×512, embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("gru"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    C5("sampling from the C3 model, temperature 0.8",
            Cells.of("lstm"), 2, 512, 512, 1, 1, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.SAMPLE, 65),
    W1("word LSTM 2×200 (ptb-small), V=10,000, B=20, T=20, SGD 20, clip norm 0.25",
            Cells.of("lstm"), 2, 200, 200, 20, 20, OptimizerKind.SGD, 20f, 0.25f, 0f, BenchTask.TRAIN, 10_000),
    W2("word LSTM 2×650 (ptb-medium without dropout), V=10,000, B=20, T=35, SGD 35, clip norm 0.143",
            Cells.of("lstm"), 2, 650, 650, 20, 35, OptimizerKind.SGD, 35f, 0.143f, 0f, BenchTask.TRAIN, 10_000),
    CHO("GRU of Cho et al. 2×512 at C3's shape: embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("gru-cho"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    RRU("rated recurrent unit 2×512 at C3's shape: embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("rru"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    PEEPHOLE("peephole LSTM 2×512 at C3's shape: embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("lstm-peephole"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    MUT1("MUT1 2×512 at C3's shape: embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("mut1"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    MUT2("MUT2 2×512 at C3's shape: embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("mut2"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    MUT3("MUT3 2×512 at C3's shape: embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("mut3"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    MRNN("multiplicative RNN 2×512, 512 factors, at C3's shape: embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            Cells.of("mrnn"), 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.TRAIN, 65),
    CLS("LSTM 1x128 classifier, embedding 64, V=48, B=32, 4-16 steps, 2 classes, Adam 2e-3, clip norm 5",
            Cells.of("lstm"), 1, 128, 64, 32, 16, OptimizerKind.ADAM, 2e-3f, 5f, 0f, BenchTask.CLASSIFY, 48);

    /** Classes of CLS. */
    static final int CLASSES = 2;
    /** The shortest sequence of CLS; the longest is its steps. */
    static final int SHORTEST = 4;

    /** What {@code rnn4j bench} runs when no configuration is named: the peers' set. */
    static final Set<BenchConfig> PEERS = EnumSet.range(C1, C5);

    final String description;
    final Cell cell;
    final int layers;
    final int hidden;
    final int embedding;     // 0 = one-hot
    final int batch;
    final int steps;
    final OptimizerKind optimizer;
    final float learningRate;
    final float gradClip;    // global norm, 0 = off
    final float clipValue;   // element-wise, 0 = off
    final BenchTask task;
    final int vocabulary;

    BenchConfig(String description, Cell cell, int layers, int hidden, int embedding, int batch, int steps,
                OptimizerKind optimizer, float learningRate, float gradClip, float clipValue, BenchTask task,
                int vocabulary) {
        this.description = description;
        this.cell = cell;
        this.layers = layers;
        this.hidden = hidden;
        this.embedding = embedding;
        this.batch = batch;
        this.steps = steps;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.gradClip = gradClip;
        this.clipValue = clipValue;
        this.task = task;
        this.vocabulary = vocabulary;
    }

    /** The configuration's model, starting from {@code initialState} at a reset. */
    ModelConfig model(InitialState initialState) {
        ModelConfig model = new ModelConfig(cell, vocabulary, embedding, hidden, layers, 0f).withInitialState(initialState);
        return task == BenchTask.CLASSIFY ? model.withHead(new ClassifierHead(CLASSES, Pooling.LAST)) : model;
    }

    OptimizerConfig optimizerConfig() {
        return OptimizerConfig.defaults(optimizer);
    }

    /**
     * FLOPs per token as the peers count them: the matrix products only, 2·(size of every matrix the cell
     * declares) per layer (2·G·H·(D+H) for W_ih and W_hh; a one-hot input counts as D = V) plus 2·H·V for a
     * language model's decoder (a classifier's head runs once per sequence and is not counted); training is 3×
     * the forward pass.
     */
    double flopsPerToken() {
        ModelConfig model = model(InitialState.ZERO);
        double forward = task == BenchTask.CLASSIFY ? 0 : 2.0 * hidden * vocabulary;
        for (int l = 0; l < layers; l++) {
            forward += 2.0 * matrixSizes(model.inputSize(l));
        }
        return task == BenchTask.SAMPLE ? forward : 3 * forward;
    }

    /** Σ rows·columns of the matrices of one layer on input D. */
    private long matrixSizes(int input) {
        return cell.tensors(input, hidden).stream().filter(tensor -> tensor.shape().length == 2)
                .mapToLong(TensorShape::size).sum();
    }
}
