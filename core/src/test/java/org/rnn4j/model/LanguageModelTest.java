package org.rnn4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.check.FloatModelGradients;
import org.rnn4j.check.GradientCheck;
import org.rnn4j.check.GradientCheck.TensorError;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.random.Rng;

/** The float model against the double-precision reference, and the recurrence contract. */
class LanguageModelTest {

    /** E > H, one-hot, and three layers with E < H: the layers and the embedding share one dOutput buffer. */
    static Stream<Arguments> configs() {
        return Stream.of(CellKind.values()).flatMap(cell -> Stream.of(
                Arguments.of(new ModelConfig(cell, 5, 4, 3, 2, 0f)),
                Arguments.of(new ModelConfig(cell, 6, 0, 4, 1, 0f)),
                Arguments.of(new ModelConfig(cell, 5, 2, 4, 3, 0f)),
                Arguments.of(new ModelConfig(cell, 7, 4, 4, 2, 0f, true))));
    }

    static Stream<Arguments> configsAndKernels() {
        return configs().flatMap(c -> Stream.of(
                Arguments.of(c.get()[0], new ScalarKernels()),
                Arguments.of(c.get()[0], KernelProvider.kernels())));
    }

    @ParameterizedTest
    @MethodSource("configsAndKernels")
    void floatGradientsMatchTheDoubleReference(ModelConfig config, Kernels kernels) {
        GradientCheck check = new GradientCheck(config, GradientCheck.Options.defaults(7));
        float[] candidate = FloatModelGradients.of(check, kernels);
        List<TensorError> errors = GradientCheck.compare(check.model().layout(), check.analyticGradients().params(), candidate);
        assertEquals(check.model().layout().tensors().size(), errors.size());
        assertTrue(GradientCheck.worst(errors) < 1e-3, () -> kernels.name() + " " + errors);
    }

    @ParameterizedTest
    @MethodSource("configsAndKernels")
    void lookedUpProjectionGradientsMatchTheDoubleReference(ModelConfig config, Kernels kernels) {
        assumeFalse(config.oneHotInput(), "one-hot input has no embedding to look up");
        GradientCheck check = new GradientCheck(config, GradientCheck.Options.defaults(9));
        float[] candidate = FloatModelGradients.of(check, kernels, TokenProjection.LOOK_UP);
        List<TensorError> errors = GradientCheck.compare(check.model().layout(), check.analyticGradients().params(), candidate);
        assertTrue(GradientCheck.worst(errors) < 1e-3, () -> kernels.name() + " " + errors);
    }

    /** Each token appears many times in the window, so the table gathers its gradient from many rows. */
    @ParameterizedTest
    @MethodSource("configs")
    void lookingUpTheProjectionEqualsMultiplying(ModelConfig config) {
        assumeFalse(config.oneHotInput(), "one-hot input has no embedding to look up");
        int rows = 4;
        int steps = 9;
        int[] tokens = randomTokens(config.vocabularySize(), (steps + 1) * rows, 12);
        float[][] gradients = new float[2][];
        double[] losses = new double[2];
        TokenProjection[] projections = {TokenProjection.MULTIPLY, TokenProjection.LOOK_UP};
        for (int p = 0; p < 2; p++) {
            LanguageModel model = randomModel(config, 11);
            Workspace ws = model.workspace(steps, rows, projections[p]);
            fill(ws, tokens, 0, steps, rows);
            model.parameters().zeroGradients();
            losses[p] = model.forward(ws, model.newState(rows), Mode.TRAINING, new Rng(1));
            model.backward(ws);
            gradients[p] = model.parameters().gradients().clone();
        }
        assertEquals(losses[0], losses[1], 1e-5 * losses[0]);
        assertArrayEquals(gradients[0], gradients[1], 1e-5f);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void chunkedWindowsEqualOneWholeWindow(ModelConfig config) {
        LanguageModel model = randomModel(config, 3);
        int rows = 3;
        int steps = 8;
        int[] tokens = randomTokens(config.vocabularySize(), (steps + 1) * rows, 5);

        Workspace whole = model.workspace(steps, rows);
        fill(whole, tokens, 0, steps, rows);
        RecurrentState wholeState = model.newState(rows);
        double wholeLoss = model.forward(whole, wholeState, Mode.EVALUATION, null);

        Workspace half = model.workspace(steps / 2, rows);
        RecurrentState chunkedState = model.newState(rows);
        double chunkedLoss = 0;
        for (int chunk = 0; chunk < 2; chunk++) {
            fill(half, tokens, chunk * steps / 2, steps / 2, rows);
            chunkedLoss += model.forward(half, chunkedState, Mode.EVALUATION, null);
        }
        assertEquals(wholeLoss, chunkedLoss, 1e-4 * wholeLoss);
        for (int l = 0; l < config.layers(); l++) {
            assertArrayEquals(wholeState.layer(l), chunkedState.layer(l), 1e-5f);
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void resetGivesTheZeroState(ModelConfig config) {
        LanguageModel model = randomModel(config, 4);
        RecurrentState state = model.newState(2);
        Workspace ws = model.workspace(3, 2);
        fill(ws, randomTokens(config.vocabularySize(), 8, 1), 0, 3, 2);
        double first = model.forward(ws, state, Mode.EVALUATION, null);
        assertTrue(nonZero(state.layer(0)));
        state.reset();
        for (int l = 0; l < state.layerCount(); l++) {
            assertTrue(!nonZero(state.layer(l)));
        }
        assertEquals(first, model.forward(ws, state, Mode.EVALUATION, null), 0.0);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void zeroDecoderPredictsUniformly(ModelConfig config) {
        assumeFalse(config.tiedWeights(), "a tied decoder weight is the embedding, which is not zeroed");
        LanguageModel model = new LanguageModel(config, KernelProvider.kernels());
        Initializer.initialize(model, new Initialization(InitScheme.PYTORCH, 0f, 0f, true), new Rng(1));
        Workspace ws = model.workspace(2, 2);
        fill(ws, randomTokens(config.vocabularySize(), 6, 2), 0, 2, 2);
        double loss = model.forward(ws, model.newState(2), Mode.EVALUATION, null) / 4;
        assertEquals(Math.log(config.vocabularySize()), loss, 1e-6);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void inferenceWorkspaceGivesTheSameLogits(ModelConfig config) {
        LanguageModel model = randomModel(config, 6);
        int rows = 2;
        int steps = 5;
        int[] tokens = randomTokens(config.vocabularySize(), (steps + 1) * rows, 8);
        Workspace training = model.workspace(steps, rows);
        Workspace inference = model.inferenceWorkspace(steps, rows);
        fill(training, tokens, 0, steps, rows);
        fill(inference, tokens, 0, steps, rows);
        float[] expected = model.logits(training, model.newState(rows), Mode.EVALUATION, null).clone();
        float[] actual = model.logits(inference, model.newState(rows), Mode.EVALUATION, null);
        assertArrayEquals(expected, actual, 1e-5f);
    }

    static LanguageModel randomModel(ModelConfig config, long seed) {
        LanguageModel model = new LanguageModel(config, KernelProvider.kernels());
        Initializer.initialize(model, new Initialization(InitScheme.UNIFORM, 0.5f, 0f, false), new Rng(seed));
        return model;
    }

    static int[] randomTokens(int vocabulary, int count, long seed) {
        Rng rng = new Rng(seed);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = (int) Math.floorMod(rng.nextLong(), (long) vocabulary);
        }
        return tokens;
    }

    // stream n reads tokens[n·(T+1)…]: inputs at step t are position start + t, targets the next one
    static void fill(Workspace ws, int[] tokens, int start, int steps, int rows) {
        int streamLength = tokens.length / rows;
        for (int t = 0; t < steps; t++) {
            for (int n = 0; n < rows; n++) {
                ws.inputs()[t * rows + n] = tokens[n * streamLength + start + t];
                ws.targets()[t * rows + n] = tokens[n * streamLength + start + t + 1];
            }
        }
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
