package org.rnn4j.model;

import java.util.List;
import java.util.Arrays;
import org.rnn4j.head.HeadLayer;
import org.rnn4j.head.HeadTargets;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.nn.ActivationBlocks;
import org.rnn4j.nn.DenseInput;
import org.rnn4j.nn.Embedding;
import org.rnn4j.nn.Dropout;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.OneHotInput;
import org.rnn4j.nn.PackedInput;
import org.rnn4j.nn.ProjectedTokens;
import org.rnn4j.nn.RecurrentLayer;

/**
 * Every buffer a {@link SequenceModel} needs for windows of T steps × N rows, allocated once. The caller
 * writes the window's tokens into {@link #inputs()} (row t·N + n is stream n at step t) and what they are
 * scored against: {@link #targets()} for a head that predicts every step, {@link #labels()} and
 * {@link #lengths()} for one that predicts once per row. Forward and backward reuse everything else.
 */
public final class Workspace {

    final int capacity;                  // most steps a window can hold
    int steps;                           // T of the current window
    final int rows;
    final int[] inputs;                  // (T·N) token ids
    final int[] targets;                 // (T·N) per-step targets (next-token ids of a language model)
    final int[] lengths;                 // (N) steps of each row that hold input, T unless the caller says less
    final int[] labels;                  // (N) one target per row, for a head that predicts per row
    final HeadTargets expected;          // the three arrays above, as the head reads them
    final float[] embedded;              // (T·N, E) embedding rows, or null for one-hot or looked-up input
    final Dropout embeddingDropout;      // on the embedding rows; null without embedding dropout or embedding
    final float[] droppedEmbedded;       // (T·N, E) embedding rows after dropout
    final RecurrentLayer.Window[] windows;
    final float[] dOutput;               // (T·N, max(H, E)) dL/d(output) of the layer in backward, then of its input
    final float[][] dStates;             // per layer: dL/d(initial state)
    boolean fromReset;                   // whether the last forward started at a reset, the initial state
    final Dropout[] dropouts;            // per layer, on its output; null when dropout is 0
    final float[][] dropped;             // per layer (T·N, H) output after dropout; null when dropout is 0
    final LayerInput[] plainInputs;      // per layer: what it reads when evaluating
    final LayerInput[] droppedInputs;    // per layer: what it reads when training with dropout
    final ProjectedTokens projectedTokens; // the first layer's input when it is looked up, else null
    final PackedWeights packed;          // what a one-row inference workspace's layers read, or null
    final HeadLayer.Window head;         // the head's buffers: logits, then probabilities
    final boolean perStep;               // whether the head predicts every step, or once per row

    /**
     * Buffers for T×N windows run as {@code plan} says (its projection is ignored for one-hot input;
     * {@code embedding} is null then). With {@code packed}, the layers read packed copies of their weights:
     * a packed W_ih makes the layer's input a {@link PackedInput}, packed recurrent matrices go to its window.
     */
    Workspace(ModelConfig config, RecurrentLayer[] layers, Embedding embedding, HeadLayer head, WorkspacePlan plan,
              int steps, int rows, PackedWeights packed) {
        if (steps <= 0 || rows <= 0) {
            throw new IllegalArgumentException("a window needs positive steps and rows, got " + steps + "×" + rows);
        }
        this.capacity = steps;
        this.steps = steps;
        this.rows = rows;
        this.packed = packed;
        int count = Math.multiplyExact(steps, rows);
        int h = config.hiddenSize();
        int l = config.layers();
        this.inputs = new int[count];
        this.targets = new int[count];
        this.lengths = new int[rows];
        this.labels = new int[rows];
        Arrays.fill(lengths, steps);
        Arrays.fill(labels, Kernels.PADDING);
        this.expected = new HeadTargets(targets, lengths, labels);
        int projectionWidth = ModelLayout.inputProjectionWidth(config); // K
        TokenProjection projection = plan.projection();
        this.projectedTokens = embedding == null || projection == TokenProjection.MULTIPLY ? null
                : new ProjectedTokens(inputs, embedding, new float[embedding.vocabularySize() * projectionWidth],
                        projection == TokenProjection.LOOK_UP ? new float[embedding.vocabularySize() * projectionWidth] : null);
        boolean embeds = embedding != null && projectedTokens == null;
        this.embedded = embeds ? new float[count * config.embeddingSize()] : null;
        // a layer reads all of its dOutput before it writes dL/d(its input), so one buffer serves every
        // layer and the embedding: (T·N, max(H, E))
        this.dOutput = new float[count * (embeds ? Math.max(h, config.embeddingSize()) : h)];
        this.windows = new RecurrentLayer.Window[l];
        this.dStates = new float[l][];
        boolean dropout = config.dropout() > 0f;
        this.embeddingDropout = config.embeddingDropout() > 0f && embeds
                ? new Dropout(config.embeddingDropout(), count * config.embeddingSize()) : null;
        this.droppedEmbedded = embeddingDropout != null ? new float[count * config.embeddingSize()] : null;
        this.dropouts = new Dropout[l];
        this.dropped = new float[l][];
        this.plainInputs = new LayerInput[l];
        this.droppedInputs = new LayerInput[l];
        ActivationBlocks shared = plan.sharedActivations() ? new ActivationBlocks() : null;
        for (int layer = 0; layer < l; layer++) {
            ActivationBlocks blocks = shared != null ? shared : new ActivationBlocks();
            List<PackedMatrix> packedRecurrent = packed == null ? List.of() : packed.recurrentWeights().get(layer);
            windows[layer] = packedRecurrent.isEmpty() ? layers[layer].window(steps, rows, blocks)
                    : layers[layer].window(steps, rows, blocks, packedRecurrent);
            dStates[layer] = new float[layers[layer].stateSize(rows)];
            if (dropout) {
                dropouts[layer] = new Dropout(config.dropout(), count * h);
                dropped[layer] = new float[count * h];
            }
        }
        LayerInput first;
        if (projectedTokens != null) {
            first = projectedTokens;
        } else if (config.oneHotInput()) {
            first = new OneHotInput(inputs, config.vocabularySize());
        } else {
            first = dense(embedded, 0, config.embeddingSize(), packedIh(0));
        }
        plainInputs[0] = first;
        droppedInputs[0] = embeddingDropout != null
                ? new DenseInput(droppedEmbedded, 0, config.embeddingSize(), dOutput) : first;
        for (int layer = 1; layer < l; layer++) {
            RecurrentLayer.Window below = windows[layer - 1];
            plainInputs[layer] = dense(below.output(), below.outputOffset(), h, packedIh(layer));
            droppedInputs[layer] = dropout ? new DenseInput(dropped[layer - 1], 0, h, dOutput) : plainInputs[layer];
        }
        this.head = head.window(steps, rows);
        this.perStep = config.head().perStep();
    }

    /**
     * Adds the arrays the constructor allocates for T×N windows run as {@code plan} (no packed weights) to
     * {@code memory}, counted in long before any of them exists.
     */
    static void estimate(MemoryEstimate memory, ModelConfig config, WorkspacePlan plan, long steps, long rows) {
        long count = MemoryEstimate.product(steps, rows);
        long v = config.vocabularySize();
        long e = config.embeddingSize();
        long h = config.hiddenSize();
        long l = config.layers();
        long block = MemoryEstimate.product(rows, h);               // (N, H)
        long states = MemoryEstimate.product(steps + 1, block);     // ((T+1)·N, H)
        memory.add("the window's tokens", 2, count, Integer.BYTES);
        boolean projects = !config.oneHotInput() && plan.projection() != TokenProjection.MULTIPLY;
        long table = MemoryEstimate.product(v, ModelLayout.inputProjectionWidth(config)); // (V, K)
        memory.add("the token projection table", projects ? plan.projection() == TokenProjection.LOOK_UP ? 2 : 1 : 0, table, Float.BYTES);
        boolean embeds = !config.oneHotInput() && !projects;
        boolean dropout = config.dropout() > 0f;
        int embeddingCopies = config.embeddingDropout() > 0f ? 3 : 1; // the rows, and with dropout its mask and the dropped rows
        memory.add("the window's embedding rows", embeds ? embeddingCopies : 0, MemoryEstimate.product(count, e), Float.BYTES);
        memory.add("the window's output gradient", MemoryEstimate.product(count, embeds ? Math.max(h, e) : h), Float.BYTES);
        memory.add("the window's hidden states", l, states, Float.BYTES);
        memory.add("the window's state gradients", l, MemoryEstimate.product(block, 1 + config.cell().stateVectors()), Float.BYTES);
        memory.add("the window's dropout masks and outputs", dropout ? 2 * l : 0, MemoryEstimate.product(count, h), Float.BYTES);
        long blockSets = plan.sharedActivations() ? 1 : l;
        config.cell().estimateWindow(memory, steps, rows, h, blockSets, l);
        config.head().estimateWindow(memory, config, steps, rows);
    }

    private PackedMatrix packedIh(int layer) {
        return packed == null ? null : packed.inputWeights()[layer];
    }

    /** The dense input (R, D) at {@code offset} in {@code values}, read through {@code packedIh} when not null. */
    private LayerInput dense(float[] values, int offset, int width, PackedMatrix packedIh) {
        return packedIh == null ? new DenseInput(values, offset, width, dOutput) : new PackedInput(values, offset, width, packedIh);
    }

    public int steps() {
        return steps;
    }

    public int rows() {
        return rows;
    }

    /** T·N: the positions a window predicts. */
    public int positions() {
        return steps * rows;
    }

    /** The most steps a window can hold: the T this workspace was made for. */
    public int capacity() {
        return capacity;
    }

    /**
     * Runs the following windows over their first {@code steps} steps (at most {@link #capacity()}): the
     * rows of {@link #inputs()} and {@link #targets()} beyond T·N are ignored.
     */
    public void useSteps(int steps) {
        for (RecurrentLayer.Window window : windows) {
            window.useSteps(steps);
        }
        this.steps = steps;
    }

    /**
     * How many input tokens the last forward read, padding excluded: its scored positions for a head that
     * predicts every step (as a language model counts tokens), the rows' lengths for one that predicts per row.
     */
    public int tokens() {
        if (perStep) {
            return head.scored();
        }
        int tokens = 0;
        for (int length : lengths) {
            tokens += Math.min(length, steps);
        }
        return tokens;
    }

    /** How many predictions of the last forward had a target, not padding: the ones its loss sums over. */
    public int scored() {
        return head.scored();
    }

    /** (T·N) input tokens of the next window; the caller fills it. */
    public int[] inputs() {
        return inputs;
    }

    /** (T·N) per-step targets of the next window; the caller fills it. */
    public int[] targets() {
        return targets;
    }

    /** (N) how many steps of each row hold input (T unless the caller writes less); the caller fills it. */
    public int[] lengths() {
        return lengths;
    }

    /** (N) the label of each row of the next window, for a head that predicts per row; the caller fills it. */
    public int[] labels() {
        return labels;
    }

    /**
     * The probabilities left by the last forward (before any backward): (T·N, C) for a head that predicts every
     * step (C = V for a language model), (N, C) for one that predicts per row.
     */
    public float[] probabilities() {
        return head.probabilities();
    }

    /** How many of the last forward's predictions had the target as their most likely output. */
    public long correct() {
        return head.correct();
    }

    /** dL/d(initial state) of one layer after the last backward. */
    public float[] initialStateGradient(int layer) {
        return dStates[layer];
    }
}
