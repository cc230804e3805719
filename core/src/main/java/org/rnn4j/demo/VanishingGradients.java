package org.rnn4j.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.FusedGateCell;
import org.rnn4j.esn.SpectralRadius;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.InitScheme;
import org.rnn4j.model.Initialization;
import org.rnn4j.nn.ActivationBlocks;
import org.rnn4j.nn.DenseInput;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * How far a loss gradient reaches back through one recurrent layer: ‖dL/dh_{T−k}‖ for k = 0…K, with
 * L = u·h_T for a fixed random unit vector u, measured by the cell's own float backward pass. W_hh is
 * random and each of its G (H, H) gate blocks is scaled to spectral radius ρ; W_ih (G·H, D) is Gaussian
 * with variance 1/D, the biases are zero but for an optional LSTM forget-gate bias, and the input x_t is
 * standard normal.
 *
 * <p>The layer runs B + K steps from the zero state one step at a time, keeping the state after each. For
 * each k ≥ 1 a window of the last k steps starts again from the kept state s_{T−k}, gets dOutput u on its
 * last step and zero elsewhere, and its backward writes dL/d(initial state) into dState, dL/dh_{T−k}
 * first: exactly the per-step gradient of back-propagation through the whole stretch. k = 0 is u itself.
 *
 * <p>Legend: D input width, H hidden size, G gate blocks, K largest lag, B burn-in steps.
 */
public final class VanishingGradients {

    /** D. */
    static final int INPUT = 16;
    /** B: steps that carry the state away from zero before the measured stretch. */
    static final int BURN_IN = 20;
    /** The largest H: four dense (H, H) blocks and their power iterations stay quick. */
    public static final int MAX_HIDDEN = 1024;
    private static final int MAX_GATES = 4;

    private final Kernels kernels;
    private final int hidden;
    private final int lags;
    private final float forgetBias;
    private final float[] wIh;        // (MAX_GATES·H, D), a cell of G gates reads the first G·H rows
    private final float[][] wHh;      // MAX_GATES × (H, H), each of spectral radius 1
    private final float[] x;          // (B + K, D)
    private final float[] u;          // (H) unit: dL/dh_T

    /** One curve: a cell at one spectral radius, {@code norms[k]} = ‖dL/dh_{T−k}‖ (0 where float underflowed). */
    public record Curve(Cell cell, double radius, double[] norms) {

        /** "rnn-sigmoid ρ=0.5". */
        public String label() {
            return cell.id() + " " + radiusText();
        }

        /** "ρ=0.5". */
        public String radiusText() {
            return "ρ=" + BigDecimal.valueOf(radius).stripTrailingZeros().toPlainString();
        }

        /** Least-squares slope of ln‖dL/dh_{T−k}‖ against k over the k whose norm is positive: ln of the decay per step. */
        public double slope() {
            double n = 0;
            double sumK = 0;
            double sumKK = 0;
            double sumY = 0;
            double sumKY = 0;
            for (int k = 0; k < norms.length; k++) {
                if (norms[k] > 0) {
                    double y = Math.log(norms[k]);
                    n++;
                    sumK += k;
                    sumKK += (double) k * k;
                    sumY += y;
                    sumKY += k * y;
                }
            }
            return (n * sumKY - sumK * sumY) / (n * sumKK - sumK * sumK);
        }
    }

    /**
     * The experiment: hidden size H (1 to {@value #MAX_HIDDEN}), lags 0…K (K ≥ 1), the LSTM's forget-gate bias
     * (its b_ih block, 0 for none; other cells have none) and the seed of every draw.
     */
    public record Setup(int hidden, int lags, float forgetBias, long seed) {

        public Setup {
            if (hidden < 1 || hidden > MAX_HIDDEN) {
                throw new InvalidInputException("hidden size must be 1 to " + MAX_HIDDEN + ", got " + hidden);
            }
            if (lags < 1) {
                throw new InvalidInputException("the largest lag must be at least 1, got " + lags);
            }
            if (!Float.isFinite(forgetBias)) {
                throw new InvalidInputException("forget-gate bias must be finite, got " + forgetBias);
            }
        }
    }

    /** Draws the shared weights, inputs and u. */
    public VanishingGradients(Kernels kernels, Setup setup) {
        this.kernels = kernels;
        this.hidden = setup.hidden();
        this.lags = setup.lags();
        this.forgetBias = setup.forgetBias();
        Rng root = new Rng(setup.seed());
        Rng recurrent = root.split();
        Rng radius = root.split();
        Rng input = root.split();
        Rng loss = root.split();
        wHh = new float[MAX_GATES][];
        for (int g = 0; g < MAX_GATES; g++) {
            float[] block = gaussian(recurrent, hidden * hidden, 1);
            double rho = SpectralRadius.of(hidden, block, radius);
            for (int i = 0; i < block.length; i++) {
                block[i] /= (float) rho;
            }
            wHh[g] = block;
        }
        wIh = gaussian(input, MAX_GATES * hidden * INPUT, 1 / Math.sqrt(INPUT));
        x = gaussian(input, (BURN_IN + lags) * INPUT, 1);
        u = gaussian(loss, hidden, 1);
        double norm = norm(u, hidden);
        for (int i = 0; i < hidden; i++) {
            u[i] /= (float) norm;
        }
    }

    /** The curves of every cell at every radius, cells outermost. */
    public List<Curve> measure(List<Cell> cells, List<Double> radii) {
        radii.forEach(VanishingGradients::requirePositive);
        List<Curve> curves = new ArrayList<>();
        for (Cell cell : cells) {
            for (double radius : radii) {
                curves.add(measure(cell, radius));
            }
        }
        return curves;
    }

    /** The curve of {@code cell} (one with PyTorch's four tensors) with every W_hh block at spectral radius {@code radius}. */
    public Curve measure(Cell cell, double radius) {
        requirePositive(radius);
        if (!(cell instanceof FusedGateCell)) {
            throw new InvalidInputException("cell " + cell.id() + " has no W_hh of (G·H, H) blocks to scale");
        }
        Parameters parameters = parameters(cell, radius);
        LayerTensors tensors = tensors(parameters.layout());
        RecurrentLayer layer = cell.layer(kernels, parameters, tensors);
        int steps = BURN_IN + lags;
        RecurrentLayer.Window window = layer.window(steps, 1, new ActivationBlocks());
        float[] dInput = new float[steps * INPUT];  // (T, D), written and not read
        float[][] kept = new float[steps][];         // s_t: the state before step t
        float[] state = new float[layer.stateSize(1)];
        window.useSteps(1);
        for (int t = 0; t < steps; t++) {
            kept[t] = state.clone();
            window.forward(new DenseInput(x, t * INPUT, INPUT, dInput), state);
        }
        double[] norms = new double[lags + 1];
        norms[0] = norm(u, hidden);
        float[] dOutput = new float[lags * hidden]; // (k, H)
        float[] dState = new float[state.length];
        for (int k = 1; k <= lags; k++) {
            DenseInput input = new DenseInput(x, (steps - k) * INPUT, INPUT, dInput);
            System.arraycopy(kept[steps - k], 0, state, 0, state.length);
            window.useSteps(k);
            window.forward(input, state);
            Arrays.fill(dOutput, 0f);
            System.arraycopy(u, 0, dOutput, (k - 1) * hidden, hidden);
            window.backward(input, dOutput, dState);
            norms[k] = norm(dState, hidden);
        }
        return new Curve(cell, radius, norms);
    }

    /** The layer's tensors: W_ih's first G·H rows, W_hh's G blocks scaled to {@code radius}, zero biases but the cell's forget-gate bias. */
    private Parameters parameters(Cell cell, double radius) {
        ParameterLayout layout = new ParameterLayout();
        for (TensorShape shape : cell.tensors(INPUT, hidden)) {
            layout.add(shape.name(), shape.shape());
        }
        Parameters parameters = new Parameters(layout);
        Tensor hh = layout.get(RecurrentTensors.WEIGHT_HH);
        int gates = hh.rows() / hidden;
        float[] values = parameters.values();
        System.arraycopy(wIh, 0, values, layout.get(RecurrentTensors.WEIGHT_IH).offset(), gates * hidden * INPUT);
        for (int g = 0; g < gates; g++) {
            int at = hh.offset() + g * hidden * hidden;
            for (int i = 0; i < hidden * hidden; i++) {
                values[at + i] = (float) (radius * wHh[g][i]);
            }
        }
        cell.initialize(tensors(layout), values, new Initialization(InitScheme.PYTORCH, 0f, forgetBias, false));
        return parameters;
    }

    /** Every tensor of the layout, by name, as layer 0. */
    private static LayerTensors tensors(ParameterLayout layout) {
        Map<String, Tensor> byName = new LinkedHashMap<>();
        for (Tensor tensor : layout.tensors()) {
            byName.put(tensor.name(), tensor);
        }
        return new LayerTensors(0, byName);
    }

    private static void requirePositive(double radius) {
        if (!(radius > 0)) {
            throw new InvalidInputException("spectral radius must be positive, got " + radius);
        }
    }

    private static float[] gaussian(Rng rng, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (scale * rng.nextGaussian());
        }
        return values;
    }

    /** ‖a[0..n)‖, summed in double. */
    private double norm(float[] a, int n) {
        return Math.sqrt(kernels.sumOfSquares(a, 0, n));
    }
}
