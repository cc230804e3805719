package org.rnn4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.cell.CellConfigs;
import org.rnn4j.cell.Cells;
import org.rnn4j.check.FloatModelGradients;
import org.rnn4j.check.GradientCheck;
import org.rnn4j.check.GradientCheck.TensorError;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.classifier.Pooling;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.Tensor;

/**
 * A learned initial state: every row starts from h₀ (and c₀) at a reset, the float gradient of rnn.initial_state_l
 * is the sum over rows of the double reference's dJ/d(initial state), and a window that continues a carried state
 * has no gradient to give it.
 */
class InitialStateTest {

    /** Every cell on an embedding (two layers) and on one-hot input; a classifier and a labeller on rows of random lengths. */
    static Stream<Arguments> configs() {
        Stream<ModelConfig> languageModels = Cells.all().stream().flatMap(cell -> Stream.of(
                CellConfigs.of(cell, 5, 4, 3, 2, 0f), CellConfigs.of(cell, 6, 0, 4, 1, 0f)));
        Stream<ModelConfig> labelled = Stream.of("lstm", "gru").flatMap(cell -> Stream.of(
                new ModelConfig(Cells.of(cell), 5, 4, 3, 2, 0f, false, new ClassifierHead(3, Pooling.LAST)),
                new ModelConfig(Cells.of(cell), 5, 4, 3, 1, 0f, false, new LabellerHead(3))));
        return Stream.concat(languageModels, labelled).map(config -> Arguments.of(config.withInitialState(InitialState.LEARNED)));
    }

    static Stream<Arguments> configsAndKernels() {
        return SequenceModelTest.withBothKernels(configs());
    }

    @ParameterizedTest
    @MethodSource("configsAndKernels")
    void floatGradientsFromAResetMatchTheDoubleReference(ModelConfig config, Kernels kernels) {
        GradientCheck check = new GradientCheck(config, GradientCheck.Options.defaults(13));
        float[] candidate = FloatModelGradients.of(check, kernels);
        GradientCheck.Gradients reference = check.analyticGradients();
        List<TensorError> errors = GradientCheck.compare(check.model().layout(), reference.params(), candidate);
        assertTrue(GradientCheck.worst(errors) < 1e-3, () -> kernels.name() + " " + errors);

        int h = config.hiddenSize();
        for (int l = 0; l < config.layers(); l++) {
            Tensor tensor = check.model().layout().get(ModelLayout.initialStateTensor(l));
            for (int s = 0; s < config.cell().stateVectors(); s++) {
                double[] rows = s == 0 ? reference.initial().h()[l] : reference.initial().c()[l]; // (N·H) dJ/d(initial state)
                for (int j = 0; j < h; j++) {
                    double sum = 0;
                    for (int i = j; i < rows.length; i += h) {
                        sum += rows[i];
                    }
                    float actual = candidate[tensor.offset() + s * h + j];
                    assertEquals(sum, actual, 1e-4 * Math.max(1, Math.abs(sum)), tensor.name() + "[" + s + ", " + j + "]");
                }
            }
            assertTrue(nonZero(Arrays.copyOfRange(candidate, tensor.offset(), tensor.offset() + tensor.size())), tensor.name());
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void aResetPutsTheInitialStateInEveryRow(ModelConfig config) {
        SequenceModel model = learnedModel(config, 3);
        int rows = 3;
        int h = config.hiddenSize();
        RecurrentState state = model.newState(rows);
        Workspace ws = model.workspace(2, rows);
        fill(config, ws, SequenceModelTest.randomTokens(config.vocabularySize(), 3 * rows, 4), 0, 2, rows);
        model.forward(ws, state, Mode.EVALUATION, null);
        assertFalse(state.atReset());
        state.reset();
        assertTrue(state.atReset());
        for (int l = 0; l < config.layers(); l++) {
            float[] initial = model.parameters().copyOf(model.parameters().layout().get(ModelLayout.initialStateTensor(l))); // (S, H)
            float[] layer = state.layer(l); // (S, N, H)
            for (int s = 0; s < config.cell().stateVectors(); s++) {
                for (int n = 0; n < rows; n++) {
                    assertArrayEquals(Arrays.copyOfRange(initial, s * h, (s + 1) * h),
                            Arrays.copyOfRange(layer, (s * rows + n) * h, (s * rows + n + 1) * h), "layer " + l + " vector " + s + " row " + n);
                }
            }
        }
    }

    /**
     * The first window starts at h₀ and sends it a gradient; the next continues the carried state and leaves it alone, as
     * does a window that runs from a state set from elsewhere (a checkpoint's). Chunked still equals whole: h₀ enters once.
     */
    @ParameterizedTest
    @MethodSource("configs")
    void aWindowThatContinuesACarriedStateLeavesTheInitialStateUntouched(ModelConfig config) {
        SequenceModel model = learnedModel(config, 5);
        int rows = 3;
        int steps = 4;
        int[] tokens = SequenceModelTest.randomTokens(config.vocabularySize(), (2 * steps + 1) * rows, 6);
        Workspace ws = model.workspace(steps, rows);
        RecurrentState state = model.newState(rows);
        double[] losses = new double[2];
        for (int window = 0; window < 2; window++) {
            fill(config, ws, tokens, window * steps, steps, rows);
            model.parameters().zeroGradients();
            losses[window] = model.forward(ws, state, Mode.TRAINING, new Rng(1));
            model.backward(ws);
            boolean reached = nonZero(initialStateGradients(model));
            assertEquals(window == 0, reached, "window " + window + " reaches the initial state");
        }

        RecurrentState restored = model.newState(rows);
        for (int l = 0; l < config.layers(); l++) {
            restored.set(l, state.layer(l));
        }
        model.parameters().zeroGradients();
        model.forward(ws, restored, Mode.TRAINING, new Rng(1));
        model.backward(ws);
        assertFalse(nonZero(initialStateGradients(model)), "a set state is carried, not reset");
        assertTrue(nonZero(model.parameters().gradients()), "the window still trains the rest");

        if (config.head().perStep()) {
            Workspace whole = model.workspace(2 * steps, rows);
            fill(config, whole, tokens, 0, 2 * steps, rows);
            double wholeLoss = model.forward(whole, model.newState(rows), Mode.EVALUATION, null);
            assertEquals(wholeLoss, losses[0] + losses[1], 1e-4 * wholeLoss);
        }
    }

    /** h₀ starts at zero and draws nothing: the other tensors start exactly as without it. */
    @ParameterizedTest
    @MethodSource("configs")
    void theInitialStateStartsAtZeroAndLeavesTheOtherTensorsAsTheyWere(ModelConfig config) {
        SequenceModel zero = new SequenceModel(config.withInitialState(InitialState.ZERO), KernelProvider.kernels());
        SequenceModel learned = new SequenceModel(config, KernelProvider.kernels());
        Arrays.fill(learned.parameters().values(), 1f);
        Initializer.initialize(zero, Initialization.pytorch(), new Rng(9));
        Initializer.initialize(learned, Initialization.pytorch(), new Rng(9));
        for (Tensor tensor : zero.parameters().layout().tensors()) {
            Tensor same = learned.parameters().layout().get(tensor.name());
            assertArrayEquals(zero.parameters().copyOf(tensor), learned.parameters().copyOf(same), tensor.name());
        }
        assertFalse(nonZero(initialStateValues(learned)));
        assertNotEquals(zero.parameters().layout().size(), learned.parameters().layout().size());
        assertEquals(ModelLayout.size(config), learned.parameters().layout().size());
    }

    /** {@link SequenceModelTest#fill}, with per-step targets in the head's outputs [0, C) and a label per row. */
    private static void fill(ModelConfig config, Workspace ws, int[] tokens, int start, int steps, int rows) {
        SequenceModelTest.fill(ws, tokens, start, steps, rows);
        for (int i = 0; i < steps * rows; i++) {
            ws.targets()[i] %= config.outputs();
        }
        for (int n = 0; n < rows; n++) {
            ws.labels()[n] = n % config.outputs();
        }
    }

    /** A model initialized as training does, with h₀ (and c₀) drawn in ±0.5 so that it matters. */
    private static SequenceModel learnedModel(ModelConfig config, long seed) {
        SequenceModel model = SequenceModelTest.randomModel(config, seed);
        Rng rng = new Rng(seed + 100);
        float[] values = model.parameters().values();
        for (Tensor tensor : initialStateTensors(model)) {
            for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
                values[i] = rng.nextFloat() - 0.5f;
            }
        }
        return model;
    }

    private static List<Tensor> initialStateTensors(SequenceModel model) {
        return ModelLayout.initialStateTensors(model.config()).stream().map(t -> model.parameters().layout().get(t.name())).toList();
    }

    private static float[] initialStateGradients(SequenceModel model) {
        return gather(model, model.parameters().gradients());
    }

    private static float[] initialStateValues(SequenceModel model) {
        return gather(model, model.parameters().values());
    }

    private static float[] gather(SequenceModel model, float[] buffer) {
        List<Tensor> tensors = initialStateTensors(model);
        assertFalse(tensors.isEmpty());
        float[] all = new float[tensors.stream().mapToInt(Tensor::size).sum()];
        int at = 0;
        for (Tensor tensor : tensors) {
            System.arraycopy(buffer, tensor.offset(), all, at, tensor.size());
            at += tensor.size();
        }
        return all;
    }

    private static boolean nonZero(float[] values) {
        for (float v : values) {
            if (v != 0f) {
                return true;
            }
        }
        return false;
    }
}
