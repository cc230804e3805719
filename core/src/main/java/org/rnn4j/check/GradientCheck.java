package org.rnn4j.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.rnn4j.InvalidInputException;
import org.rnn4j.check.ReferenceModel.State;
import org.rnn4j.check.ReferenceModel.Window;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Tensor;

/**
 * Numerical gradient check of {@link ReferenceModel}: on a random problem drawn from a seed, compares each
 * analytic gradient entry a with the centred difference n = (J(θ + h) − J(θ − h)) / 2h and reports, per
 * tensor, the maximum relative error |a − n| / max(|a|, |n|, floor).
 *
 * <p>Why a floor: J ≈ 1–2 is computed to about one ulp (ε ≈ 2.2e-16), so n is only known to about
 * ε·|J| / h ≈ 4e-11 at h = 1e-5, whatever the model. A gradient entry of 1e-7 (common in the lower layer
 * of a two-layer LSTM) therefore cannot be checked to a relative 1e-6 by a centred difference; below
 * the floor ({@link #DEFAULT_FLOOR} = 1e-4) an entry is held to an absolute error of tolerance × floor
 * instead (1e-10 for a tolerance of 1e-6). Entries that are both exactly zero count as 0.
 *
 * <p>Checked tensors: every tensor of {@link org.rnn4j.model.ModelLayout#of(ModelConfig)}, then the initial
 * state as pseudo-tensors {@code initial.h_l<l>} (and {@code initial.c_l<l>} for a cell that carries c, the LSTM) of shape (N, H).
 * A model with a learned initial state runs the window from a reset instead ({@link ReferenceModel#resetState}): its
 * initial state is then no free input but the tensors rnn.initial_state_l of the parameters, checked with them.
 *
 * <p>The problem: parameters and initial state uniform in ±0.5, rounded to float so a float implementation
 * sees exactly the same values; input and target tokens uniform in [0, V). For a cell with a kink (ReLU),
 * problems are drawn again (from the same generator) until every pre-activation is at least
 * {@link #RELU_MARGIN} away from it ({@code ReferenceCell.kinkDistance}), so no centred difference straddles it. Dropout is not part of the check.
 */
public final class GradientCheck {

    /** Default step h of the centred difference. */
    public static final double DEFAULT_STEP = 1e-5;
    /** Default absolute floor of the relative error's denominator, here and in {@link #compare}. */
    public static final double DEFAULT_FLOOR = 1e-4;
    /** How far from 0 every ReLU pre-activation of the problem lies. */
    public static final double RELU_MARGIN = 1e-4;
    /** {@link Options#entriesPerTensor()} value that checks every entry. */
    public static final int ALL_ENTRIES = Integer.MAX_VALUE;

    private static final double RANGE = 0.5;
    private static final int MAX_DRAWS = 1000;

    /**
     * How to check: RNG seed, window size (T steps, N rows), difference step h, absolute floor of the
     * relative error's denominator, and how many entries of each tensor to check from its start
     * ({@link #ALL_ENTRIES} for all).
     */
    public record Options(long seed, int steps, int rows, double step, double floor, int entriesPerTensor) {

        public Options {
            if (steps <= 0 || rows <= 0) {
                throw new IllegalArgumentException("steps and rows must be positive, got " + steps + " and " + rows);
            }
            if (!(step > 0 && step < 1)) {
                throw new IllegalArgumentException("difference step must be in (0, 1), got " + step);
            }
            if (!(floor > 0)) {
                throw new IllegalArgumentException("relative error floor must be positive, got " + floor);
            }
            if (entriesPerTensor <= 0) {
                throw new IllegalArgumentException("entries per tensor must be positive, got " + entriesPerTensor);
            }
        }

        /** T = 4, N = 2, h = 1e-5, floor 1e-4, every entry. */
        public static Options defaults(long seed) {
            return new Options(seed, 4, 2, DEFAULT_STEP, DEFAULT_FLOOR, ALL_ENTRIES);
        }
    }

    /**
     * The point θ the gradients are taken at: flat parameters (layout of the model), a window, an initial
     * state (with a learned initial state, the reset state of the parameters as drawn). Arrays are shared:
     * {@link #check} perturbs and restores them, so a check is not thread-safe.
     */
    public record Problem(double[] params, Window window, State initial) {
    }

    /** dJ/dparams (flat, layout of the model) and dJ/d(initial state). */
    public record Gradients(double[] params, State initial) {
    }

    /** The check of one tensor: how many entries were compared and the largest relative error among them. */
    public record TensorError(String tensor, int[] shape, int checked, double maxRelativeError) {

        public TensorError {
            shape = shape.clone();
        }

        @Override
        public int[] shape() {
            return shape.clone();
        }

        @Override
        public String toString() {
            return String.format("%-24s %-10s %5d checked  max rel. error %.3e",
                    tensor, Arrays.toString(shape), checked, maxRelativeError);
        }
    }

    private final ReferenceModel model;
    private final Options options;
    private final Problem problem;

    /** Draws the problem for {@code config} from {@code options.seed()}. */
    public GradientCheck(ModelConfig config, Options options) {
        this.model = new ReferenceModel(config);
        this.options = options;
        this.problem = drawProblem(new SplittableRandom(options.seed()));
    }

    public ReferenceModel model() {
        return model;
    }

    public Problem problem() {
        return problem;
    }

    /** The reference's analytic gradients at the problem; with a learned initial state, from a reset. */
    public Gradients analyticGradients() {
        double[] params = new double[model.layout().size()];
        State initial = problem.initial().copy();
        model.lossAndGradients(problem.params(), problem.window(), start(), params, initial);
        if (learnedInitialState()) {
            model.addResetGradients(initial, params);
        }
        return new Gradients(params, initial);
    }

    /** Checks the reference's own analytic gradients: {@code check(analyticGradients())}. */
    public List<TensorError> run() {
        return check(analyticGradients());
    }

    /** Compares {@code analytic} with centred differences of the reference loss, entry by entry, per tensor. */
    public List<TensorError> check(Gradients analytic) {
        List<TensorError> errors = new ArrayList<>();
        for (Tensor tensor : model.layout().tensors()) {
            errors.add(checkEntries(tensor.name(), tensor.shape(), problem.params(), analytic.params(), tensor.offset()));
        }
        if (learnedInitialState()) {
            return errors;
        }
        int[] stateShape = {problem.window().rows(), model.config().hiddenSize()};
        for (int l = 0; l < problem.initial().h().length; l++) {
            errors.add(checkEntries("initial.h_l" + l, stateShape, problem.initial().h()[l], analytic.initial().h()[l], 0));
        }
        for (int l = 0; l < problem.initial().c().length; l++) {
            errors.add(checkEntries("initial.c_l" + l, stateShape, problem.initial().c()[l], analytic.initial().c()[l], 0));
        }
        return errors;
    }

    /** The largest error of a report (0 for an empty one). */
    public static double worst(List<TensorError> errors) {
        return errors.stream().mapToDouble(TensorError::maxRelativeError).max().orElse(0);
    }

    /**
     * Per tensor of {@code layout}, the maximum over its entries of |r − c| / max(|r|, |c|, {@link #DEFAULT_FLOOR}):
     * a float implementation's gradients {@code candidate} against the reference's {@code reference}, both
     * flat in {@code layout}. The floor keeps entries that are zero up to float rounding from counting as
     * large relative errors: below 1e-4 the error is absolute, scaled by 1e4.
     */
    public static List<TensorError> compare(ParameterLayout layout, double[] reference, float[] candidate) {
        return compare(layout, reference, candidate, DEFAULT_FLOOR);
    }

    /** {@link #compare(ParameterLayout, double[], float[])} with an explicit absolute floor. */
    public static List<TensorError> compare(ParameterLayout layout, double[] reference, float[] candidate, double floor) {
        if (reference.length != layout.size() || candidate.length != layout.size()) {
            throw new IllegalArgumentException("gradients must hold " + layout.size() + " values, got "
                    + reference.length + " and " + candidate.length);
        }
        List<TensorError> errors = new ArrayList<>();
        for (Tensor tensor : layout.tensors()) {
            double max = 0;
            for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
                max = Math.max(max, relativeError(reference[i], candidate[i], floor));
            }
            errors.add(new TensorError(tensor.name(), tensor.shape(), tensor.size(), max));
        }
        return errors;
    }

    /** |a − b| / max(|a|, |b|, floor). */
    static double relativeError(double a, double b, double floor) {
        return Math.abs(a - b) / Math.max(floor, Math.max(Math.abs(a), Math.abs(b)));
    }

    /** Perturbs values[offset + i] for the first entries of one tensor and compares with analytic[offset + i]. */
    private TensorError checkEntries(String name, int[] shape, double[] values, double[] analytic, int offset) {
        int size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        int checked = Math.min(size, options.entriesPerTensor());
        double h = options.step();
        double max = 0;
        for (int i = offset; i < offset + checked; i++) {
            double saved = values[i];
            values[i] = saved + h;
            double plus = loss();
            values[i] = saved - h;
            double minus = loss();
            values[i] = saved;
            max = Math.max(max, relativeError(analytic[i], (plus - minus) / (2 * h), options.floor()));
        }
        return new TensorError(name, shape, checked, max);
    }

    private double loss() {
        return model.loss(problem.params(), problem.window(), start());
    }

    /** The state the window runs from: the reset state of the current parameters, or the problem's free one. */
    private State start() {
        return learnedInitialState() ? model.resetState(problem.params(), problem.window().rows()) : problem.initial();
    }

    private boolean learnedInitialState() {
        return model.config().initialState() == InitialState.LEARNED;
    }

    private Problem drawProblem(SplittableRandom random) {
        ModelConfig config = model.config();
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
            double[] params = new double[model.layout().size()]; // padding stays 0
            for (Tensor tensor : model.layout().tensors()) {
                fill(random, params, tensor.offset(), tensor.size());
            }
            int[] inputs = new int[options.steps() * options.rows()];  // (T·N)
            int[] targets = new int[options.steps() * options.rows()]; // (T·N)
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = random.nextInt(config.vocabularySize());
                targets[i] = random.nextInt(config.outputs());
            }
            if (targets.length > 1) {
                targets[targets.length - 1] = Kernels.PADDING; // the last row's last step pads, so masking is checked too
            }
            int[] lengths = new int[options.rows()]; // (N)
            int[] labels = new int[options.rows()];  // (N)
            Arrays.fill(lengths, options.steps());
            Arrays.fill(labels, Kernels.PADDING);
            if (config.head() != LanguageModelHead.INSTANCE) {
                padRows(random, targets, lengths, labels, config.outputs());
            }
            State initial = learnedInitialState() ? model.resetState(params, options.rows()) : randomState(random);
            Window window = new Window(inputs, targets, lengths, labels, options.steps(), options.rows());
            if (model.kinkDistance(params, window, initial) >= RELU_MARGIN) {
                return new Problem(params, window, initial);
            }
        }
        throw new InvalidInputException("no random " + config.cell().id() + " problem in " + MAX_DRAWS
                + " draws keeps every pre-activation " + RELU_MARGIN + " away from 0: check fewer steps, rows or units");
    }

    /** A free initial state of N rows, uniform in ±0.5 and rounded to float. */
    private State randomState(SplittableRandom random) {
        State initial = State.zeros(model.config(), options.rows());
        for (double[] h : initial.h()) {
            fill(random, h, 0, h.length);
        }
        for (double[] c : initial.c()) {
            fill(random, c, 0, c.length);
        }
        return initial;
    }

    /**
     * Gives every row but the first (which keeps all T steps) a random length in [1, T], pads its per-step targets
     * after it, and draws each row's label in [0, C): variable lengths check that padding reaches no loss and
     * no gradient.
     */
    private static void padRows(SplittableRandom random, int[] targets, int[] lengths, int[] labels, int outputs) {
        int rows = lengths.length;
        for (int n = 0; n < rows; n++) {
            lengths[n] = n == 0 ? lengths[n] : 1 + random.nextInt(lengths[n]);
            labels[n] = random.nextInt(outputs);
            for (int t = lengths[n]; t < targets.length / rows; t++) {
                targets[t * rows + n] = Kernels.PADDING;
            }
        }
    }

    /** values[offset, offset + count) = uniform in ±0.5, rounded to float. */
    private static void fill(SplittableRandom random, double[] values, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            values[i] = (float) random.nextDouble(-RANGE, RANGE);
        }
    }
}
