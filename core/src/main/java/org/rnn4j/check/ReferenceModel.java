package org.rnn4j.check;

import java.util.Arrays;

import org.rnn4j.cell.Cell;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.cell.ReferenceCell.Step;
import org.rnn4j.head.HeadTargets;
import org.rnn4j.head.ReferenceHead;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Tensor;

/**
 * The specification of an rnn4j model, in double precision with one loop per element: for a language model the
 * same function as PyTorch's {@code nn.Embedding → nn.RNN/LSTM/GRU(num_layers=L) → nn.Linear →
 * CrossEntropyLoss(mean)} without dropout (the config's dropout is ignored), for any cell and any head.
 *
 * <p>Legend: T steps, N rows (parallel streams), V vocabulary, E embedding, D layer input (E, or V for
 * one-hot input, H above layer 0), H hidden, L layers, S state vectors ({@link Cell#stateVectors()}).
 *
 * <p>For step t and row n, layer 0 reads x = embedding.weight[inputs[t·N + n]] (E), or the one-hot
 * vector of the token (V); layer l reads h_t of layer l − 1. Each layer runs its cell's
 * {@link ReferenceCell} step from x and its previous state. The head's {@link ReferenceHead} turns the top
 * outputs h_top of every step and row into the loss J: for a language model, logits z = W_dec·h_top + b_dec (V),
 * where W_dec is embedding.weight when the weights are tied, and J = (1 / S) Σ_{t,n} −log softmax(z)[targets[t·N + n]]
 * over the S positions whose target is not {@link Kernels#PADDING}.
 *
 * <p>A window runs from the initial state it is given. At a reset that is {@link #resetState}: zero, or for a
 * learned initial state h₀ (and c₀) of rnn.initial_state_l (S, H) in every row, whose gradient is then the sum over
 * rows of dJ/d(initial state) ({@link #addResetGradients}).
 *
 * <p>Parameters are one flat {@code double[]} in the layout of {@link ModelLayout#of(ModelConfig)}
 * (each tensor row-major at {@link Tensor#offset()}); gradients share that layout. Nothing here is
 * mutated except the gradient arguments.
 */
public final class ReferenceModel {

    private final ModelConfig config;
    private final ParameterLayout layout;
    private final ReferenceCell[] cells;   // per layer: its cell's step over its tensors
    private final int embedding;           // offset of embedding.weight (V, E); −1 for one-hot input
    private final ReferenceHead head;

    public ReferenceModel(ModelConfig config) {
        this.config = config;
        this.layout = ModelLayout.of(config);
        this.embedding = config.oneHotInput() ? -1 : layout.get(ModelLayout.EMBEDDING).offset();
        this.cells = new ReferenceCell[config.layers()];
        for (int l = 0; l < config.layers(); l++) {
            cells[l] = config.cell().reference(ModelLayout.layerTensors(layout, config, l));
        }
        this.head = config.head().reference(layout, config);
    }

    /**
     * T steps of N rows: {@code inputs} are token ids in [0, V) and {@code targets} per-step targets in [0, C), both
     * (T·N) step-major, entry t·N + n; a target may be {@link Kernels#PADDING}. {@code lengths} (N) and
     * {@code labels} (N) are what a head that predicts per row reads. The arrays are copied.
     */
    public record Window(int[] inputs, int[] targets, int[] lengths, int[] labels, int steps, int rows) {

        /** A window whose rows all hold T steps and have no per-row label. */
        public Window(int[] inputs, int[] targets, int steps, int rows) {
            this(inputs, targets, filled(rows, steps), filled(rows, Kernels.PADDING), steps, rows);
        }

        private static int[] filled(int length, int value) {
            int[] array = new int[length];
            Arrays.fill(array, value);
            return array;
        }

        public Window {
            if (steps <= 0 || rows <= 0) {
                throw new IllegalArgumentException("steps and rows must be positive, got " + steps + " and " + rows);
            }
            if (inputs.length != steps * rows || targets.length != steps * rows) {
                throw new IllegalArgumentException("inputs and targets must hold steps·rows = " + steps * rows
                        + " tokens, got " + inputs.length + " and " + targets.length);
            }
            if (lengths.length != rows || labels.length != rows) {
                throw new IllegalArgumentException("lengths and labels must hold one entry per row, " + rows + ", got "
                        + lengths.length + " and " + labels.length);
            }
            inputs = inputs.clone();
            targets = targets.clone();
            lengths = lengths.clone();
            labels = labels.clone();
        }

        @Override
        public int[] inputs() {
            return inputs.clone();
        }

        @Override
        public int[] targets() {
            return targets.clone();
        }

        @Override
        public int[] lengths() {
            return lengths.clone();
        }

        @Override
        public int[] labels() {
            return labels.clone();
        }

        /** What the head scores, as the float model's workspace holds it. */
        public HeadTargets headTargets() {
            return new HeadTargets(targets(), lengths(), labels());
        }
    }

    /**
     * The recurrent state of N rows: {@code h[l]} (N·H) per layer, row n at n·H; {@code c[l]} (N·H) per
     * layer for a cell of two state vectors (the LSTM), and {@code c} empty (no layers) for the other cells. Arrays are shared, not copied:
     * a state passed to receive gradients is written.
     */
    public record State(double[][] h, double[][] c) {

        /** The zero state of N rows for that model. */
        public static State zeros(ModelConfig config, int rows) {
            int width = rows * config.hiddenSize();
            int cells = config.cell().stateVectors() > 1 ? config.layers() : 0;
            return new State(new double[config.layers()][width], new double[cells][width]);
        }

        /** A deep copy. */
        public State copy() {
            return new State(deepCopy(h), deepCopy(c));
        }

        private static double[][] deepCopy(double[][] arrays) {
            double[][] copy = new double[arrays.length][];
            for (int i = 0; i < arrays.length; i++) {
                copy[i] = arrays[i].clone();
            }
            return copy;
        }
    }

    /** Mean loss J of a window and the state after its last step. */
    public record Result(double loss, State finalState) {
    }

    public ModelConfig config() {
        return config;
    }

    public ParameterLayout layout() {
        return layout;
    }

    /**
     * The state of N rows at a reset: zero, or with a learned initial state every row's h (and c) of layer l the
     * rows of rnn.initial_state_l in {@code params}. A new state, not shared with {@code params}.
     */
    public State resetState(double[] params, int rows) {
        State state = State.zeros(config, rows);
        if (config.initialState() == InitialState.LEARNED) {
            int hidden = config.hiddenSize();
            for (int l = 0; l < config.layers(); l++) {
                int offset = layout.get(ModelLayout.initialStateTensor(l)).offset(); // (S, H): h₀, then c₀
                for (int n = 0; n < rows; n++) {
                    System.arraycopy(params, offset, state.h()[l], n * hidden, hidden);
                    if (state.c().length > 0) {
                        System.arraycopy(params, offset + hidden, state.c()[l], n * hidden, hidden);
                    }
                }
            }
        }
        return state;
    }

    /**
     * For a window that ran from {@link #resetState}: ADDS dJ/d(rnn.initial_state_l) = Σ over rows n of
     * {@code initialGradients} (dJ/d(initial state), as {@link #lossAndGradients} leaves it) into {@code gradients}.
     * Nothing for a zero initial state, which has no parameters.
     */
    public void addResetGradients(State initialGradients, double[] gradients) {
        if (config.initialState() == InitialState.ZERO) {
            return;
        }
        int hidden = config.hiddenSize();
        for (int l = 0; l < config.layers(); l++) {
            int offset = layout.get(ModelLayout.initialStateTensor(l)).offset();
            double[] h = initialGradients.h()[l]; // (N·H)
            for (int i = 0; i < h.length; i++) {
                gradients[offset + i % hidden] += h[i];
            }
            if (initialGradients.c().length > 0) {
                double[] c = initialGradients.c()[l];
                for (int i = 0; i < c.length; i++) {
                    gradients[offset + hidden + i % hidden] += c[i];
                }
            }
        }
    }

    /** J for the window, starting from {@code initial}. */
    public double loss(double[] params, Window window, State initial) {
        return forward(params, window, initial).loss();
    }

    /** J and the state after the window, starting from {@code initial}: feeding it to the next window continues the sequence. */
    public Result run(double[] params, Window window, State initial) {
        Activations activations = forward(params, window, initial);
        return new Result(activations.loss(), finalState(activations));
    }

    /**
     * Returns J, ADDS dJ/dparams into {@code gradients} (same layout as params) and OVERWRITES
     * {@code initialGradients} with dJ/d(initial state).
     */
    public double lossAndGradients(double[] params, Window window, State initial, double[] gradients,
                                   State initialGradients) {
        requireLength("gradients", gradients, layout.size());
        requireState("initialGradients", initialGradients, window.rows());
        Activations activations = forward(params, window, initial);
        backward(params, activations, gradients, initialGradients);
        return activations.loss();
    }

    /**
     * How close the window's pre-activations come to a kink of the cell (ReLU's 0), +∞ for the smooth cells.
     * Centred differences are only exact away from it.
     */
    double kinkDistance(double[] params, Window window, State initial) {
        double distance = Double.POSITIVE_INFINITY;
        for (Step[][] layers : forward(params, window, initial).steps()) {
            for (int l = 0; l < layers.length; l++) {
                for (Step step : layers[l]) {
                    distance = Math.min(distance, cells[l].kinkDistance(step));
                }
            }
        }
        return distance;
    }

    /** What the forward pass keeps for backward. */
    private record Activations(Window window,
                               Step[][][] steps,   // [T][L][N] per step, layer, row
                               double[][][] top,   // [T][N] (H) the top layer's output
                               double loss) {
    }

    private Activations forward(double[] params, Window window, State initial) {
        requireLength("params", params, layout.size());
        requireState("initial", initial, window.rows());
        int steps = window.steps();
        int rows = window.rows();
        int[] inputs = window.inputs(); // (T·N)
        Step[][][] cache = new Step[steps][config.layers()][rows];
        double[][][] top = new double[steps][rows][];
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < rows; n++) {
                double[] x = layerZeroInput(params, token(inputs[t * rows + n])); // (D_0)
                for (int l = 0; l < config.layers(); l++) {
                    double[][] previous = t > 0 ? cache[t - 1][l][n].state() : initialRow(initial, l, n); // (S, H)
                    Step step = cells[l].forward(params, x, previous);
                    cache[t][l][n] = step;
                    x = step.state()[0];
                }
                top[t][n] = x;
            }
        }
        return new Activations(window, cache, top, head.loss(params, top, window.headTargets(), null, null));
    }

    private void backward(double[] params, Activations activations, double[] gradients, State initialGradients) {
        Window window = activations.window();
        int steps = window.steps();
        int rows = window.rows();
        int layers = config.layers();
        int hidden = config.hiddenSize();
        int[] inputs = window.inputs(); // (T·N)
        double[][][] dTop = new double[steps][rows][hidden]; // [T][N] (H) dJ/dh_top
        head.loss(params, activations.top(), window.headTargets(), gradients, dTop);
        // dJ/d(state_t) through step t + 1, (S, H) per layer and row; zero after the window
        double[][][][] dNext = new double[layers][rows][config.cell().stateVectors()][hidden];
        for (int t = steps - 1; t >= 0; t--) {
            for (int n = 0; n < rows; n++) {
                Step[][] column = activations.steps()[t]; // [L][N]
                double[] dx = dTop[t][n]; // (D of the layer above) dJ/dh_t of the top layer
                for (int l = layers - 1; l >= 0; l--) {
                    double[][] dState = dNext[l][n]; // (S, H) from step t + 1
                    for (int j = 0; j < hidden; j++) {
                        dState[0][j] += dx[j]; // dJ/dh_t from above
                    }
                    dx = new double[config.inputSize(l)];
                    dNext[l][n] = cells[l].backward(params, gradients, column[l][n], dState, dx);
                }
                if (embedding >= 0) {
                    // dJ/dembedding.weight[token] += dJ/dx
                    int row = embedding + inputs[t * rows + n] * config.embeddingSize();
                    for (int e = 0; e < dx.length; e++) {
                        gradients[row + e] += dx[e];
                    }
                }
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int n = 0; n < rows; n++) {
                System.arraycopy(dNext[l][n][0], 0, initialGradients.h()[l], n * hidden, hidden);
                if (initialGradients.c().length > 0) {
                    System.arraycopy(dNext[l][n][1], 0, initialGradients.c()[l], n * hidden, hidden);
                }
            }
        }
    }

    /** embedding.weight[token] (E), or the one-hot vector of the token (V). */
    private double[] layerZeroInput(double[] params, int token) {
        if (embedding < 0) {
            double[] oneHot = new double[config.vocabularySize()];
            oneHot[token] = 1.0;
            return oneHot;
        }
        int row = embedding + token * config.embeddingSize();
        return Arrays.copyOfRange(params, row, row + config.embeddingSize());
    }

    private State finalState(Activations activations) {
        State state = State.zeros(config, activations.window().rows());
        Step[][] last = activations.steps()[activations.window().steps() - 1];
        int hidden = config.hiddenSize();
        for (int l = 0; l < config.layers(); l++) {
            for (int n = 0; n < last[l].length; n++) {
                System.arraycopy(last[l][n].state()[0], 0, state.h()[l], n * hidden, hidden);
                if (state.c().length > 0) {
                    System.arraycopy(last[l][n].state()[1], 0, state.c()[l], n * hidden, hidden);
                }
            }
        }
        return state;
    }

    /** (S, H) row n of layer l's state in {@code initial}: h, then c. */
    private double[][] initialRow(State initial, int l, int n) {
        return initial.c().length == 0 ? new double[][] {rowOf(initial.h()[l], n)}
                : new double[][] {rowOf(initial.h()[l], n), rowOf(initial.c()[l], n)};
    }

    private double[] rowOf(double[] rowsByHidden, int n) {
        int hidden = config.hiddenSize();
        return Arrays.copyOfRange(rowsByHidden, n * hidden, (n + 1) * hidden);
    }

    private int token(int id) {
        if (id < 0 || id >= config.vocabularySize()) {
            throw new IllegalArgumentException("token " + id + " outside the vocabulary [0, " + config.vocabularySize() + ")");
        }
        return id;
    }

    private void requireState(String name, State state, int rows) {
        int cells = config.cell().stateVectors() > 1 ? config.layers() : 0;
        if (state.h().length != config.layers() || state.c().length != cells) {
            throw new IllegalArgumentException(name + " must hold h for " + config.layers() + " layers and c for "
                    + cells + ", got " + state.h().length + " and " + state.c().length);
        }
        for (double[] vector : state.h()) {
            requireLength(name + ".h", vector, rows * config.hiddenSize());
        }
        for (double[] vector : state.c()) {
            requireLength(name + ".c", vector, rows * config.hiddenSize());
        }
    }

    private static void requireLength(String name, double[] array, int length) {
        if (array.length != length) {
            throw new IllegalArgumentException(name + " must hold " + length + " values, got " + array.length);
        }
    }
}
