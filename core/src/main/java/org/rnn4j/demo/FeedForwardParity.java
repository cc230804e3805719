package org.rnn4j.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.rnn4j.InvalidInputException;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Linear;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * A feed-forward parity classifier with one hidden layer, which sees a whole n-bit vector at once:
 * h = tanh(x·W_hᵀ + b_h), z = h·W_oᵀ + b_o, p = softmax(z), L = −(1/N)·Σ_rows log p[parity], with x the
 * vector's bits as ±1 and the parity the last label of a {@link ParityTask} sequence. It is made of the
 * library's own pieces: two {@link Linear} layers over one flat {@link Parameters} buffer, the kernels' tanh
 * and softmax cross-entropy, and Adam. The weights start as PyTorch's {@code nn.Linear} does, uniform in
 * ±1/√fan-in; training runs epochs of minibatches in a seeded shuffle.
 *
 * <p>Legend: N rows of a batch, D = n inputs, H hidden units, 2 classes (even, odd).
 */
public final class FeedForwardParity {

    public static final String HIDDEN_WEIGHT = "hidden.weight"; // (H, D)
    public static final String HIDDEN_BIAS = "hidden.bias";     // (H)
    public static final String OUTPUT_WEIGHT = "output.weight"; // (2, H)
    public static final String OUTPUT_BIAS = "output.bias";     // (2)
    /** The largest H. */
    public static final int MAX_HIDDEN = 4096;
    private static final int CLASSES = 2;

    /** Epochs over the training vectors, rows per minibatch N, and Adam's learning rate. */
    public record Training(int epochs, int batch, float learningRate) {

        public Training {
            if (epochs < 1 || batch < 1) {
                throw new InvalidInputException("epochs and batch size must be positive, got " + epochs + " and " + batch);
            }
            if (!(learningRate > 0 && Float.isFinite(learningRate))) {
                throw new InvalidInputException("the learning rate must be positive, got " + learningRate);
            }
        }

        /** 300 epochs of minibatches of 32 at learning rate 0.03. */
        public static Training defaults() {
            return new Training(300, 32, 0.03f);
        }
    }

    /** Accuracy on the held-out and the training vectors, one entry per restart. */
    public record Result(int hidden, double[] heldOut, double[] train) {

        public Result {
            heldOut = heldOut.clone();
            train = train.clone();
        }

        @Override
        public double[] heldOut() {
            return heldOut.clone();
        }

        @Override
        public double[] train() {
            return train.clone();
        }

        public double bestHeldOut() {
            return Arrays.stream(heldOut).max().orElseThrow();
        }

        public double meanHeldOut() {
            return Arrays.stream(heldOut).average().orElseThrow();
        }

        public double meanTrain() {
            return Arrays.stream(train).average().orElseThrow();
        }
    }

    /**
     * Nets of each hidden size, each trained {@code restarts} times from its own seed. The seeds of a size
     * depend on {@code seed} and the size alone, so a size gives the same numbers in any list.
     */
    public record Sweep(List<Integer> hidden, int restarts, Training training, long seed) {

        public Sweep {
            hidden = List.copyOf(hidden);
            if (hidden.isEmpty()) {
                throw new InvalidInputException("give at least one hidden size");
            }
            for (int size : hidden) {
                requireHidden(size);
            }
            if (restarts < 1) {
                throw new InvalidInputException("restarts must be at least 1, got " + restarts);
            }
        }

        /** The result of each size, in the order of the list, each handed to {@code done} as it is finished. */
        public List<Result> run(Kernels kernels, ParityTask task, Consumer<Result> done) {
            List<Result> results = new ArrayList<>();
            for (int size : hidden) {
                Rng seeds = new Rng(seed * 31 + size);
                double[] heldOut = new double[restarts];
                double[] train = new double[restarts];
                for (int r = 0; r < restarts; r++) {
                    FeedForwardParity net = new FeedForwardParity(kernels, task.bits(), size, training, seeds.nextLong());
                    net.train(task.train());
                    heldOut[r] = net.accuracy(task.heldOut());
                    train[r] = net.accuracy(task.train());
                }
                Result result = new Result(size, heldOut, train);
                done.accept(result);
                results.add(result);
            }
            return results;
        }
    }

    private final Kernels kernels;
    private final Training training;
    private final int inputs;          // D
    private final int hidden;          // H
    private final Rng shuffle;
    private final Parameters parameters;
    private final Linear hiddenLayer;
    private final Linear outputLayer;
    private final Optimizer optimizer;
    private final float[] x;           // (N, D)
    private final int[] targets;       // (N)
    private final float[] h;           // (N, H)
    private final float[] z;           // (N, 2): logits, then probabilities, then dL/dz
    private final float[] dh;          // (N, H)
    private final float[] dx;          // (N, D): dL/dx, written and not read

    /** A net for {@code bits}-bit vectors with {@code hidden} units, its weights and its shuffles drawn from {@code seed}. */
    public FeedForwardParity(Kernels kernels, int bits, int hidden, Training training, long seed) {
        requireHidden(hidden);
        this.kernels = kernels;
        this.training = training;
        this.inputs = bits;
        this.hidden = hidden;
        ParameterLayout layout = new ParameterLayout();
        Tensor hiddenWeight = layout.add(HIDDEN_WEIGHT, hidden, bits);
        Tensor hiddenBias = layout.add(HIDDEN_BIAS, hidden);
        Tensor outputWeight = layout.add(OUTPUT_WEIGHT, CLASSES, hidden);
        Tensor outputBias = layout.add(OUTPUT_BIAS, CLASSES);
        parameters = new Parameters(layout);
        Rng rng = new Rng(seed);
        Rng init = rng.split();
        shuffle = rng.split();
        uniform(init, hiddenWeight, bits);
        uniform(init, hiddenBias, bits);
        uniform(init, outputWeight, hidden);
        uniform(init, outputBias, hidden);
        hiddenLayer = new Linear(kernels, parameters, hiddenWeight, hiddenBias);
        outputLayer = new Linear(kernels, parameters, outputWeight, outputBias);
        optimizer = new Optimizer(OptimizerConfig.defaults(OptimizerKind.ADAM), layout.size());
        int rows = training.batch();
        x = new float[rows * bits];
        targets = new int[rows];
        h = new float[rows * hidden];
        z = new float[rows * CLASSES];
        dh = new float[rows * hidden];
        dx = new float[rows * bits];
    }

    /** The weights and their gradients. */
    public Parameters parameters() {
        return parameters;
    }

    /** Trains on every vector of {@code data} (parity sequences of this net's n) for the epochs of the training setup; mutates the weights. */
    public void train(LabelledSequences data) {
        int[] order = new int[data.size()];
        Arrays.setAll(order, s -> s);
        long[] hits = new long[1]; // counted by the loss kernel, not read
        for (int epoch = 0; epoch < training.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) { // Fisher–Yates
                int j = (int) (shuffle.nextDouble() * (i + 1));
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int from = 0; from < order.length; from += training.batch()) {
                int rows = load(data, order, from);
                parameters.zeroGradients();
                forward(rows, hits);
                backward(rows);
                optimizer.step(parameters.values(), parameters.gradients(), training.learningRate());
            }
        }
    }

    /** The fraction of the vectors of {@code data} whose parity the net gets right (arg-max of p). */
    public double accuracy(LabelledSequences data) {
        int[] order = new int[data.size()];
        Arrays.setAll(order, s -> s);
        long[] correct = new long[1];
        for (int from = 0; from < order.length; from += training.batch()) {
            forward(load(data, order, from), correct);
        }
        return (double) correct[0] / data.size();
    }

    /**
     * The mean loss L over the first N vectors of {@code batch} (at most a minibatch), with its gradients
     * left in {@link #parameters()} (zeroed first): one training step without the update.
     */
    double lossAndGradients(LabelledSequences batch) {
        int[] order = new int[Math.min(batch.size(), training.batch())];
        Arrays.setAll(order, s -> s);
        int rows = load(batch, order, 0);
        parameters.zeroGradients();
        double loss = forward(rows, new long[1]);
        backward(rows);
        return loss / rows;
    }

    /** Σ_rows −log p[parity] over the loaded rows; z becomes p, and the rows whose arg-max is right are added to {@code correct[0]}. */
    private double forward(int rows, long[] correct) {
        hiddenLayer.forward(x, 0, rows, h);
        kernels.activate(Activation.TANH, h, 0, rows * hidden);
        outputLayer.forward(h, 0, rows, z);
        return kernels.softmaxCrossEntropy(z, rows, CLASSES, targets, 0, correct);
    }

    /** gradients += dL/dθ of the mean loss over the rows {@link #forward} ran; spends z. */
    private void backward(int rows) {
        kernels.softmaxCrossEntropyBackward(z, rows, CLASSES, targets, 0, 1f / rows);
        outputLayer.backward(h, 0, rows, z, dh);
        kernels.activationBackward(Activation.TANH, h, 0, dh, 0, rows * hidden);
        hiddenLayer.backward(x, 0, rows, dh, dx);
    }

    /** Copies the vectors order[from…] (a minibatch at most) into x as ±1 and their parities into targets; returns how many. */
    private int load(LabelledSequences data, int[] order, int from) {
        int rows = Math.min(training.batch(), order.length - from);
        for (int r = 0; r < rows; r++) {
            int[] bits = data.tokens()[order[from + r]];
            int[] labels = data.stepLabels()[order[from + r]];
            if (bits.length != inputs) {
                throw new InvalidInputException("the net reads " + inputs + "-bit vectors, got one of " + bits.length);
            }
            for (int d = 0; d < inputs; d++) {
                x[r * inputs + d] = 2 * bits[d] - 1;
            }
            targets[r] = labels[inputs - 1];
        }
        return rows;
    }

    /** A tensor uniform in ±1/√fanIn. */
    private void uniform(Rng rng, Tensor tensor, int fanIn) {
        float range = (float) (1 / Math.sqrt(fanIn));
        float[] values = parameters.values();
        for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
            values[i] = (2 * rng.nextFloat() - 1) * range;
        }
    }

    private static void requireHidden(int hidden) {
        if (hidden < 1 || hidden > MAX_HIDDEN) {
            throw new InvalidInputException("hidden units must be 1 to " + MAX_HIDDEN + ", got " + hidden);
        }
    }
}
