package org.rnn4j.model;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.ProjectedTokens;
import org.rnn4j.nn.Linear;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * Next-token language model: embedding (or one-hot) → L recurrent layers with dropout on each layer's
 * output → linear decoder → softmax cross-entropy, run over whole windows of T steps × N rows.
 * The loss is the mean over the window's T·N positions, in nats.
 */
public final class LanguageModel {

    /** Largest first-layer projection table (V·G·H floats) a workspace precomputes. */
    private static final long PROJECTION_TABLE_LIMIT = 1 << 22;
    /**
     * A training window looks its input projection up when it has at least this many positions per
     * vocabulary entry: the table's products cost V rows where multiplying costs T·N, and the row
     * additions and the scatter of the gradient cost a little on top.
     */
    private static final int LOOK_UP_ADVANTAGE = 2;
    /**
     * Gate values (T·N·K, K the input projection's rows: G·H; H for a cell without one) of one layer above
     * which the layers share their activation blocks.
     */
    private static final long SHARED_ACTIVATIONS_FROM = 1 << 22;

    private final ModelConfig config;
    private final Kernels kernels;
    private final Parameters parameters;
    private final Embedding embedding; // null for one-hot input
    private final LayerTensors[] layerTensors; // per layer: where its cell's tensors live
    private final RecurrentLayer[] layers;
    private final Linear decoder;
    private final int projectionWidth; // K: rows of the cell's input projection W (K, D), 0 when it has none

    /** A model with all parameters zero: initialize them or load them before use. */
    public LanguageModel(ModelConfig config, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
        this.parameters = new Parameters(ModelLayout.of(config));
        var layout = parameters.layout();
        this.embedding = config.oneHotInput() ? null : new Embedding(parameters, layout.get(ModelLayout.EMBEDDING));
        this.layerTensors = new LayerTensors[config.layers()];
        this.layers = new RecurrentLayer[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            layerTensors[l] = ModelLayout.layerTensors(layout, config, l);
            layers[l] = config.cell().layer(kernels, parameters, layerTensors[l]);
        }
        this.projectionWidth = ModelLayout.inputProjectionWidth(config);
        this.decoder = new Linear(kernels, parameters, layout.get(ModelLayout.decoderWeight(config)),
                layout.get(ModelLayout.DECODER_BIAS));
    }

    /** The arrays a model of shape {@code config} allocates: parameter values and gradients, (P) floats each. */
    public static MemoryEstimate memory(ModelConfig config) {
        return new MemoryEstimate().add("the parameters", 2, ModelLayout.size(config), Float.BYTES);
    }

    /** Adds the arrays of {@link #workspace(int, int)} for T steps × N rows, as planned for that size, to {@code memory}. */
    public static MemoryEstimate addWorkspace(MemoryEstimate memory, ModelConfig config, int steps, int rows) {
        Workspace.estimate(memory, config, plan(config, steps, rows), steps, rows);
        return memory;
    }

    public ModelConfig config() {
        return config;
    }

    public Parameters parameters() {
        return parameters;
    }

    public Kernels kernels() {
        return kernels;
    }

    /**
     * Buffers for windows of T steps × N rows, training included, run the way {@link #plan} picks for
     * that size.
     */
    public Workspace workspace(int steps, int rows) {
        return workspace(steps, rows, plan(steps, rows));
    }

    /**
     * How windows of T steps × N rows run best. The first layer looks its input projection up in a
     * per-token table when that is cheaper ({@link TokenProjection}). The layers share their activation
     * blocks when there are several and one layer's gates exceed {@value #SHARED_ACTIVATIONS_FROM}
     * floats: that keeps the memory of large windows small for the price of one GEMM per lower layer,
     * which small windows need not pay.
     */
    public WorkspacePlan plan(int steps, int rows) {
        return plan(config, steps, rows);
    }

    /** {@link #plan(int, int)} of a model of shape {@code config}, known before the model exists. */
    public static WorkspacePlan plan(ModelConfig config, int steps, int rows) {
        long positions = (long) steps * rows;
        boolean lookUp = !config.oneHotInput() && config.dropout() == 0f
                && LOOK_UP_ADVANTAGE * config.vocabularySize() <= positions && fitsTable(config);
        boolean share = config.layers() > 1
                && positions * Math.max(ModelLayout.inputProjectionWidth(config), config.hiddenSize()) > SHARED_ACTIVATIONS_FROM;
        return new WorkspacePlan(lookUp ? TokenProjection.LOOK_UP : TokenProjection.MULTIPLY, share);
    }

    /**
     * Buffers for windows of T steps × N rows run as {@code plan} says; a model with one-hot input
     * ignores its projection. A {@link TokenProjection#SNAPSHOT} workspace cannot train and is only as
     * fresh as the last {@link #refreshProjection}.
     */
    public Workspace workspace(int steps, int rows, WorkspacePlan plan) {
        return workspace(steps, rows, plan, null);
    }

    private Workspace workspace(int steps, int rows, WorkspacePlan plan, PackedWeights packed) {
        if (plan.projection() == TokenProjection.LOOK_UP && config.dropout() > 0f) {
            throw new IllegalArgumentException("dropout on the embedding needs its rows: a model with dropout "
                    + config.dropout() + " cannot look its input projection up");
        }
        Workspace ws = new Workspace(config, layers, embedding, plan, steps, rows, packed);
        refreshProjection(ws);
        return ws;
    }

    /**
     * Buffers for running windows forward only, as sampling does. When the vocabulary is small enough, the
     * first layer's input projection of every token is precomputed and each step copies rows of it instead
     * of multiplying. For one row, the matrices each cell names for packing (its W_hh), and for one step every
     * input projection (W_ih) that multiplies a dense input, are copied into the kernels' packed layout, which
     * their matrix–vector product reads fastest. These are snapshots of the parameters: call
     * {@link #refreshProjection} after they change. The workspace cannot train.
     */
    public Workspace inferenceWorkspace(int steps, int rows) {
        TokenProjection projection = embedding != null && fitsTable(config) ? TokenProjection.SNAPSHOT : TokenProjection.MULTIPLY;
        WorkspacePlan plan = new WorkspacePlan(projection, false);
        if (rows != 1) {
            return workspace(steps, rows, plan);
        }
        PackedMatrix[] inputWeights = new PackedMatrix[layers.length];
        List<List<PackedMatrix>> recurrentWeights = new ArrayList<>();
        for (int l = 0; l < layers.length; l++) {
            boolean denseInput = l > 0 || embedding != null && projection == TokenProjection.MULTIPLY;
            if (steps == 1 && denseInput && projectionWidth > 0) {
                Tensor weight = inputProjection(l);
                inputWeights[l] = kernels.packedMatrix(weight.rows(), weight.cols());
            }
            List<PackedMatrix> packed = new ArrayList<>();
            for (String name : config.cell().packedRecurrent()) {
                Tensor tensor = layerTensors[l].get(name);
                packed.add(kernels.packedMatrix(tensor.rows(), tensor.cols()));
            }
            recurrentWeights.add(packed);
        }
        return workspace(steps, rows, plan, new PackedWeights(inputWeights, recurrentWeights));
    }

    /**
     * Re-reads the current parameters into a workspace's snapshots: the token projection E·W_ih0ᵀ of a
     * {@link TokenProjection#SNAPSHOT} workspace and the packed weights of a one-row inference workspace.
     */
    public void refreshProjection(Workspace ws) {
        ProjectedTokens tokens = ws.projectedTokens;
        if (tokens != null && tokens.tableGradient() == null) {
            embedding.project(kernels, inputProjection(0).offset(), projectionWidth, tokens.table());
        }
        if (ws.packed == null) {
            return;
        }
        float[] values = parameters.values();
        List<String> names = config.cell().packedRecurrent();
        for (int l = 0; l < layers.length; l++) {
            PackedMatrix packedIh = ws.packed.inputWeights()[l];
            if (packedIh != null) {
                packedIh.pack(values, inputProjection(l).offset(), config.inputSize(l));
            }
            for (int i = 0; i < names.size(); i++) {
                Tensor tensor = layerTensors[l].get(names.get(i));
                ws.packed.recurrentWeights().get(l).get(i).pack(values, tensor.offset(), tensor.cols());
            }
        }
    }

    /** Layer {@code layer}'s input projection W (K, D); only for a cell that has one. */
    private Tensor inputProjection(int layer) {
        return layerTensors[layer].get(config.cell().inputProjection().orElseThrow());
    }

    private static boolean fitsTable(ModelConfig config) {
        int projectionWidth = ModelLayout.inputProjectionWidth(config);
        return projectionWidth > 0 && (long) config.vocabularySize() * projectionWidth <= PROJECTION_TABLE_LIMIT;
    }

    /** A zero state for N rows. */
    public RecurrentState newState(int rows) {
        float[][] state = new float[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            state[l] = new float[layers[l].stateSize(rows)];
        }
        return new RecurrentState(state);
    }

    /**
     * Runs the window in {@code ws} from {@code state} (left holding the final state) and returns the
     * summed cross-entropy over its T·N positions, padding excluded ({@link Workspace#scored()} counts
     * the others). In {@link Mode#TRAINING} dropout draws from {@code rng} and the activations stay ready
     * for {@link #backward}.
     */
    public double forward(Workspace ws, RecurrentState state, Mode mode, Rng rng) {
        int count = ws.steps * ws.rows;
        logits(ws, state, mode, rng);
        ws.correct[0] = 0;
        ws.scored = 0;
        for (int r = 0; r < count; r++) {
            if (ws.targets[r] != Kernels.PADDING) {
                ws.scored++;
            }
        }
        return kernels.softmaxCrossEntropy(ws.logits, count, config.vocabularySize(), ws.targets, 0, ws.correct);
    }

    /**
     * Runs the window's inputs from {@code state} (left holding the final state) and returns the
     * (T·N, V) logits, without looking at targets: what sampling needs.
     */
    public float[] logits(Workspace ws, RecurrentState state, Mode mode, Rng rng) {
        int count = ws.steps * ws.rows;
        boolean dropping = mode == Mode.TRAINING && config.dropout() > 0f;
        if (ws.embedded != null) {
            embedding.forward(ws.inputs, count, ws.embedded);
            if (dropping && ws.embeddingDropout != null) {
                ws.embeddingDropout.forward(ws.embedded, 0, ws.droppedEmbedded, count * config.embeddingSize(), rng);
            }
        }
        for (int l = 0; l < layers.length; l++) {
            RecurrentLayer.Window window = ws.windows[l];
            window.forward(input(ws, l, dropping), state.layer(l));
            if (dropping) {
                ws.dropouts[l].forward(window.output(), window.outputOffset(), ws.dropped[l], count * config.hiddenSize(), rng);
            }
        }
        decoder.forward(topOutput(ws, dropping), topOffset(ws, dropping), count, ws.logits);
        return ws.logits;
    }

    /**
     * Back-propagates the mean loss (over the scored positions) of the last training forward on
     * {@code ws} and adds dL/dθ into the parameter gradients.
     */
    public void backward(Workspace ws) {
        if (ws.packed != null) {
            throw new IllegalStateException("an inference workspace cannot train: make one with workspace(steps, rows)");
        }
        int count = ws.steps * ws.rows;
        boolean dropping = config.dropout() > 0f;
        int top = layers.length - 1;
        kernels.softmaxCrossEntropyBackward(ws.logits, count, config.vocabularySize(), ws.targets, 0,
                1f / Math.max(1, ws.scored));
        decoder.backward(topOutput(ws, dropping), topOffset(ws, dropping), count, ws.logits, ws.dOutput);
        for (int l = top; l >= 0; l--) {
            if (dropping) {
                ws.dropouts[l].backward(ws.dOutput, count * config.hiddenSize());
            }
            // reads dL/d(output of layer l) from ws.dOutput, then writes dL/d(its input) over it
            ws.windows[l].backward(input(ws, l, dropping), ws.dOutput, ws.dStates[l]);
        }
        if (ws.embedded != null) {
            if (dropping && ws.embeddingDropout != null) {
                ws.embeddingDropout.backward(ws.dOutput, count * config.embeddingSize());
            }
            embedding.backward(ws.inputs, count, ws.dOutput);
        }
    }

    private static LayerInput input(Workspace ws, int layer, boolean dropping) {
        return dropping ? ws.droppedInputs[layer] : ws.plainInputs[layer];
    }

    private float[] topOutput(Workspace ws, boolean dropping) {
        int top = layers.length - 1;
        return dropping ? ws.dropped[top] : ws.windows[top].output();
    }

    private int topOffset(Workspace ws, boolean dropping) {
        return dropping ? 0 : ws.windows[layers.length - 1].outputOffset();
    }
}
