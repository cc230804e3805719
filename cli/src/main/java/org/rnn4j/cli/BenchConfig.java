package org.rnn4j.cli;

import org.rnn4j.model.CellKind;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;

/**
 * The benchmark configurations rnn4j is measured on, the same as the peers' scripts run: four training
 * set-ups from a minimal character RNN to a large two-layer LSTM/GRU, and single-stream sampling.
 * All use a character vocabulary of 65, the size of tiny-shakespeare's.
 */
enum BenchConfig {
    C1("tanh RNN 1×100, one-hot, B=1, T=25, AdaGrad 0.1, clip ±5",
            CellKind.RNN_TANH, 1, 100, 0, 1, 25, OptimizerKind.ADAGRAD, 0.1f, 0f, 5f, false),
    C2("LSTM 2×128, embedding 128, B=50, T=50, RMSProp 2e-3, clip norm 5",
            CellKind.LSTM, 2, 128, 128, 50, 50, OptimizerKind.RMSPROP, 2e-3f, 5f, 0f, false),
    C3("LSTM 2×512, embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            CellKind.LSTM, 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, false),
    C4("GRU 2×512, embedding 512, B=64, T=100, Adam 2e-3, clip norm 5",
            CellKind.GRU, 2, 512, 512, 64, 100, OptimizerKind.ADAM, 2e-3f, 5f, 0f, false),
    C5("sampling from the C3 model, temperature 0.8",
            CellKind.LSTM, 2, 512, 512, 1, 1, OptimizerKind.ADAM, 2e-3f, 5f, 0f, true);

    static final int VOCABULARY = 65;

    final String description;
    final CellKind cell;
    final int layers;
    final int hidden;
    final int embedding;     // 0 = one-hot
    final int batch;
    final int steps;
    final OptimizerKind optimizer;
    final float learningRate;
    final float gradClip;    // global norm, 0 = off
    final float clipValue;   // element-wise, 0 = off
    final boolean sampling;

    BenchConfig(String description, CellKind cell, int layers, int hidden, int embedding, int batch, int steps,
                OptimizerKind optimizer, float learningRate, float gradClip, float clipValue, boolean sampling) {
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
        this.sampling = sampling;
    }

    ModelConfig model() {
        return new ModelConfig(cell, VOCABULARY, embedding, hidden, layers, 0f);
    }

    OptimizerConfig optimizerConfig() {
        return OptimizerConfig.defaults(optimizer);
    }

    /**
     * FLOPs per token as the peers count them: the matrix products only, 2·G·H·(D+H) per layer (a
     * one-hot input counts as D = V) plus 2·H·V for the decoder; training is 3× the forward pass.
     */
    double flopsPerToken() {
        ModelConfig model = model();
        double forward = 2.0 * hidden * VOCABULARY;
        for (int l = 0; l < layers; l++) {
            forward += 2.0 * cell.gates() * hidden * (model.inputSize(l) + hidden);
        }
        return sampling ? forward : 3 * forward;
    }
}
