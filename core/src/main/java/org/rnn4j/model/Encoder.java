package org.rnn4j.model;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.ProjectedTokens;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * The encoder every model shares: embedding (or one-hot) → L recurrent layers of its cell, with dropout on
 * the embedding and on each layer's output (each at its own rate), run over whole windows of T steps × N rows.
 * Its output is the top layer's (T·N, H) after dropout, which the model's head reads. A window that runs from a reset state starts at the
 * initial state, zero or learned, and its backward reaches a learned one.
 */
public final class Encoder {

    private final ModelConfig config;
    private final Kernels kernels;
    private final Parameters parameters;
    private final Embedding embedding;         // null for one-hot input
    private final LayerTensors[] layerTensors; // per layer: where its cell's tensors live
    private final RecurrentLayer[] layers;
    private final InitialStateLayer initialState; // what a reset writes, and its gradient
    private final int projectionWidth;         // K: rows of the cell's input projection W (K, D), 0 when it has none

    Encoder(ModelConfig config, Kernels kernels, Parameters parameters) {
        this.config = config;
        this.kernels = kernels;
        this.parameters = parameters;
        var layout = parameters.layout();
        this.embedding = config.oneHotInput() ? null : new Embedding(parameters, layout.get(ModelLayout.EMBEDDING));
        this.layerTensors = new LayerTensors[config.layers()];
        this.layers = new RecurrentLayer[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            layerTensors[l] = ModelLayout.layerTensors(layout, config, l);
            layers[l] = config.cell().layer(kernels, parameters, layerTensors[l]);
        }
        this.projectionWidth = ModelLayout.inputProjectionWidth(config);
        this.initialState = new InitialStateLayer(config, kernels, parameters);
    }

    RecurrentLayer[] layers() {
        return layers;
    }

    Embedding embedding() {
        return embedding;
    }

    /**
     * For one row, the matrices each cell names for packing (its W_hh), and for one step every input projection
     * (W_ih) that multiplies a dense input, as empty packed matrices that {@link #refresh} fills.
     */
    PackedWeights packedWeights(int steps, TokenProjection projection) {
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
        return new PackedWeights(inputWeights, recurrentWeights);
    }

    /**
     * Re-reads the current parameters into a workspace's snapshots: the token projection E·W_ih0ᵀ of a
     * {@link TokenProjection#SNAPSHOT} workspace and the packed weights of a one-row inference workspace.
     */
    void refresh(Workspace ws) {
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

    /** A state for N rows, at a reset: the initial state. */
    RecurrentState newState(int rows) {
        float[][] state = new float[layers.length][];
        for (int l = 0; l < layers.length; l++) {
            state[l] = new float[layers[l].stateSize(rows)];
        }
        return new RecurrentState(state, initialState);
    }

    /**
     * Runs the window's inputs from {@code state} (left holding the final state) up to the top layer's output
     * ({@link #topOutput}); with {@code dropping}, dropout draws from {@code rng} and the activations stay ready
     * for {@link #backward}. The workspace records whether the window started at a reset.
     */
    void forward(Workspace ws, RecurrentState state, boolean dropping, Rng rng) {
        int count = ws.steps * ws.rows;
        ws.fromReset = state.atReset();
        state.advanced();
        if (ws.embedded != null) {
            embedding.forward(ws.inputs, count, ws.embedded);
            if (dropping && ws.embeddingDropout != null) {
                ws.embeddingDropout.forward(ws.embedded, 0, ws.droppedEmbedded, count * config.embeddingSize(), rng);
            }
        }
        for (int l = 0; l < layers.length; l++) {
            RecurrentLayer.Window window = ws.windows[l];
            window.forward(input(ws, l, dropping), state.layer(l));
            if (dropping && ws.dropouts[l] != null) { // a model may drop its embedding only
                ws.dropouts[l].forward(window.output(), window.outputOffset(), ws.dropped[l], count * config.hiddenSize(), rng);
            }
        }
    }

    /**
     * Back-propagates dL/d(top output), which the head left in the workspace's output gradient, through the
     * last training forward, and adds dL/dθ into the parameter gradients: into a learned initial state only when
     * that window started at a reset (a carried state has no path back to it).
     */
    void backward(Workspace ws) {
        int count = ws.steps * ws.rows;
        boolean dropping = config.drops();
        for (int l = layers.length - 1; l >= 0; l--) {
            if (ws.dropouts[l] != null) {
                ws.dropouts[l].backward(ws.dOutput, count * config.hiddenSize());
            }
            // reads dL/d(output of layer l) from ws.dOutput, then writes dL/d(its input) over it
            ws.windows[l].backward(input(ws, l, dropping), ws.dOutput, ws.dStates[l]);
            if (ws.fromReset) {
                initialState.backward(l, ws.dStates[l]);
            }
        }
        if (ws.embedded != null) {
            if (ws.embeddingDropout != null) {
                ws.embeddingDropout.backward(ws.dOutput, count * config.embeddingSize());
            }
            embedding.backward(ws.inputs, count, ws.dOutput);
        }
    }

    private static LayerInput input(Workspace ws, int layer, boolean dropping) {
        return dropping ? ws.droppedInputs[layer] : ws.plainInputs[layer];
    }

    /** The (T·N, H) block the head reads: the top layer's output, after dropout when {@code dropping} and it has any. */
    float[] topOutput(Workspace ws, boolean dropping) {
        int top = layers.length - 1;
        return droppedTop(ws, dropping) ? ws.dropped[top] : ws.windows[top].output();
    }

    /** Where {@link #topOutput} starts. */
    int topOffset(Workspace ws, boolean dropping) {
        return droppedTop(ws, dropping) ? 0 : ws.windows[layers.length - 1].outputOffset();
    }

    /** Whether the head reads the top layer's output after its dropout: only while dropping, and only when the layers drop. */
    private boolean droppedTop(Workspace ws, boolean dropping) {
        return dropping && ws.dropped[layers.length - 1] != null;
    }
}
