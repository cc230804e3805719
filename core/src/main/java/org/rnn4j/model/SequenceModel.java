package org.rnn4j.model;

import org.rnn4j.head.HeadLayer;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.Parameters;

/**
 * A model is an {@link Encoder} (embedding or one-hot → L recurrent layers, dropout between) plus a head
 * ({@link org.rnn4j.head.Head}: a language model's decoder, a classifier, a labeller), run over whole windows of
 * T steps × N rows. The loss is the mean over the window's scored predictions, in nats. Trainer, evaluator and
 * checkpoints see this contract and never the kind of head.
 */
public final class SequenceModel {

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
    private final Encoder encoder;
    private final HeadLayer head;

    /** A model with all parameters zero: initialize them or load them before use. */
    public SequenceModel(ModelConfig config, Kernels kernels) {
        this.config = config;
        this.kernels = kernels;
        this.parameters = new Parameters(ModelLayout.of(config));
        this.encoder = new Encoder(config, kernels, parameters);
        this.head = config.head().layer(kernels, parameters, config);
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
        boolean lookUp = !config.oneHotInput() && config.embeddingDropout() == 0f
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
        if (plan.projection() == TokenProjection.LOOK_UP && config.embeddingDropout() > 0f) {
            throw new IllegalArgumentException("dropout on the embedding needs its rows: a model with embedding dropout "
                    + config.embeddingDropout() + " cannot look its input projection up");
        }
        Workspace ws = new Workspace(config, encoder.layers(), encoder.embedding(), head, plan, steps, rows, packed);
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
        TokenProjection projection = !config.oneHotInput() && fitsTable(config) ? TokenProjection.SNAPSHOT : TokenProjection.MULTIPLY;
        WorkspacePlan plan = new WorkspacePlan(projection, false);
        if (rows != 1) {
            return workspace(steps, rows, plan);
        }
        return workspace(steps, rows, plan, encoder.packedWeights(steps, projection));
    }

    /**
     * Re-reads the current parameters into a workspace's snapshots: the token projection E·W_ih0ᵀ of a
     * {@link TokenProjection#SNAPSHOT} workspace and the packed weights of a one-row inference workspace.
     */
    public void refreshProjection(Workspace ws) {
        encoder.refresh(ws);
    }

    private static boolean fitsTable(ModelConfig config) {
        int projectionWidth = ModelLayout.inputProjectionWidth(config);
        return projectionWidth > 0 && (long) config.vocabularySize() * projectionWidth <= PROJECTION_TABLE_LIMIT;
    }

    /** A state for N rows at a reset: the initial state, zero or learned ({@link RecurrentState#reset()}). */
    public RecurrentState newState(int rows) {
        return encoder.newState(rows);
    }

    /**
     * Runs the window in {@code ws} from {@code state} (left holding the final state) and returns the summed
     * loss over its scored predictions, padding excluded ({@link Workspace#scored()} counts them). In
     * {@link Mode#TRAINING} dropout draws from {@code rng} and the activations stay ready for {@link #backward}.
     */
    public double forward(Workspace ws, RecurrentState state, Mode mode, Rng rng) {
        boolean dropping = dropping(mode);
        encoder.forward(ws, state, dropping, rng);
        return ws.head.forward(encoder.topOutput(ws, dropping), encoder.topOffset(ws, dropping), ws.steps, ws.expected);
    }

    /**
     * Runs the window's inputs from {@code state} (left holding the final state) and returns the head's raw
     * scores ((T·N, V) for a language model), without looking at targets: what sampling needs.
     */
    public float[] logits(Workspace ws, RecurrentState state, Mode mode, Rng rng) {
        boolean dropping = dropping(mode);
        encoder.forward(ws, state, dropping, rng);
        return ws.head.logits(encoder.topOutput(ws, dropping), encoder.topOffset(ws, dropping), ws.steps, ws.expected);
    }

    /**
     * Back-propagates the mean loss (over the scored predictions) of the last training forward on
     * {@code ws} and adds dL/dθ into the parameter gradients.
     */
    public void backward(Workspace ws) {
        if (ws.packed != null) {
            throw new IllegalStateException("an inference workspace cannot train: make one with workspace(steps, rows)");
        }
        boolean dropping = dropping(Mode.TRAINING);
        ws.head.backward(encoder.topOutput(ws, dropping), encoder.topOffset(ws, dropping), ws.steps, ws.expected, ws.dOutput);
        encoder.backward(ws);
    }

    private boolean dropping(Mode mode) {
        return mode == Mode.TRAINING && config.drops();
    }
}
