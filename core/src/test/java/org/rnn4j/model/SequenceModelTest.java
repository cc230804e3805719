package org.rnn4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.cell.CellConfigs;
import org.rnn4j.cell.Cells;
import org.rnn4j.check.FloatModelGradients;
import org.rnn4j.check.GradientCheck;
import org.rnn4j.check.GradientCheck.TensorError;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.random.Rng;

/** The float model against the double-precision reference, and the recurrence contract. */
class SequenceModelTest {

    /**
     * E > H, one-hot, and three layers with E < H: the layers and the embedding share one dOutput buffer; and the
     * multiplicative RNN with more factors than hidden units.
     */
    static Stream<Arguments> configs() {
        return Stream.concat(Cells.all().stream().flatMap(cell -> Stream.of(
                Arguments.of(CellConfigs.of(cell, 5, 4, 3, 2, 0f)),
                Arguments.of(CellConfigs.of(cell, 6, 0, 4, 1, 0f)),
                Arguments.of(CellConfigs.of(cell, 5, 2, 4, 3, 0f)),
                Arguments.of(CellConfigs.of(cell, 7, 4, 4, 2, 0f, true)))),
                Stream.of(Arguments.of(new ModelConfig(Cells.of("mrnn").with(Map.of("factors", 6)), 5, 4, 3, 2, 0f))));
    }

    static Stream<Arguments> configsAndKernels() {
        return withBothKernels(configs());
    }

    /** Each of {@code configs} with the scalar kernels, the specification, and with the ones the provider picks. */
    static Stream<Arguments> withBothKernels(Stream<Arguments> configs) {
        return configs.flatMap(c -> Stream.of(
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

    /** The plans other than the plain one, which {@link #floatGradientsMatchTheDoubleReference} checks. */
    static Stream<WorkspacePlan> otherPlans() {
        return Stream.of(new WorkspacePlan(TokenProjection.LOOK_UP, false), new WorkspacePlan(TokenProjection.MULTIPLY, true),
                new WorkspacePlan(TokenProjection.LOOK_UP, true));
    }

    static Stream<Arguments> configsKernelsAndPlans() {
        return configsAndKernels().flatMap(c -> otherPlans().map(plan -> Arguments.of(c.get()[0], c.get()[1], plan)));
    }

    @ParameterizedTest
    @MethodSource("configsKernelsAndPlans")
    void everyPlanMatchesTheDoubleReference(ModelConfig config, Kernels kernels, WorkspacePlan plan) {
        GradientCheck check = new GradientCheck(config, GradientCheck.Options.defaults(9));
        float[] candidate = FloatModelGradients.of(check, kernels, plan);
        List<TensorError> errors = GradientCheck.compare(check.model().layout(), check.analyticGradients().params(), candidate);
        assertTrue(GradientCheck.worst(errors) < 1e-3, () -> kernels.name() + " " + plan + " " + errors);
    }

    /** Each token appears many times in the window, so the table gathers its gradient from many rows. */
    @ParameterizedTest
    @MethodSource("configs")
    void lookingUpTheProjectionEqualsMultiplying(ModelConfig config) {
        assumeFalse(config.oneHotInput(), "one-hot input has no embedding to look up");
        Trained multiplied = train(config, new WorkspacePlan(TokenProjection.MULTIPLY, false));
        Trained lookedUp = train(config, new WorkspacePlan(TokenProjection.LOOK_UP, false));
        assertEquals(multiplied.loss, lookedUp.loss, 1e-5 * multiplied.loss);
        assertArrayEquals(multiplied.gradients, lookedUp.gradients, 1e-5f);
    }

    /** Recomputing the lower layers' activations repeats their forward's operations exactly. */
    @ParameterizedTest
    @MethodSource("configsWithDropout")
    void sharingActivationsChangesNoBit(ModelConfig config) {
        TokenProjection projection = config.oneHotInput() || config.embeddingDropout() > 0f ? TokenProjection.MULTIPLY : TokenProjection.LOOK_UP;
        Trained separate = train(config, new WorkspacePlan(projection, false));
        Trained shared = train(config, new WorkspacePlan(projection, true));
        assertEquals(separate.loss, shared.loss, 0.0);
        assertArrayEquals(separate.gradients, shared.gradients, 0f);
        assertArrayEquals(separate.initialStateGradient, shared.initialStateGradient, 0f);
    }

    /**
     * The same at sizes where the recomputing GEMM runs several row blocks and depth blocks while the
     * forward ran one small product per step.
     */
    @ParameterizedTest
    @MethodSource("blockedConfigs")
    void sharingActivationsChangesNoBitOnBlockedSizes(ModelConfig config) {
        Trained separate = train(config, new WorkspacePlan(TokenProjection.MULTIPLY, false), 40);
        Trained shared = train(config, new WorkspacePlan(TokenProjection.MULTIPLY, true), 40);
        assertEquals(separate.loss, shared.loss, 0.0);
        assertArrayEquals(separate.gradients, shared.gradients, 0f);
    }

    static Stream<Arguments> blockedConfigs() {
        return Stream.of(Cells.of("lstm"), Cells.of("lstm-peephole"), Cells.of("gru")).map(cell -> Arguments.of(new ModelConfig(cell, 7, 16, 300, 2, 0f)));
    }

    /** Every cell at a step of N·H = 64·128 values, which the row passes and the fused kernels split across threads. */
    static Stream<Arguments> splitConfigs() {
        return Cells.all().stream().map(cell -> Arguments.of(CellConfigs.of(cell, 9, 24, 128, 2, 0f)));
    }

    /** The split of a step's rows across threads changes no bit of the loss or the gradients. */
    @ParameterizedTest
    @MethodSource("splitConfigs")
    void theThreadCountChangesNoBit(ModelConfig config) {
        WorkspacePlan plan = new WorkspacePlan(TokenProjection.MULTIPLY, false);
        try {
            Parallel.setThreads(1);
            Trained one = train(config, plan, 3, 64);
            Parallel.setThreads(3);
            Trained three = train(config, plan, 3, 64);
            assertEquals(one.loss, three.loss, 0.0);
            assertArrayEquals(one.gradients, three.gradients, 0f);
            assertArrayEquals(one.initialStateGradient, three.initialStateGradient, 0f);
        } finally {
            Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    static Stream<Arguments> configsWithDropout() {
        return Stream.concat(configs(), Cells.all().stream().flatMap(cell -> Stream.of(
                Arguments.of(CellConfigs.of(cell, 6, 3, 5, 3, 0.3f)),
                Arguments.of(CellConfigs.of(cell, 6, 3, 5, 3, 0.3f).withEmbeddingDropout(0f)),
                Arguments.of(CellConfigs.of(cell, 6, 3, 5, 3, 0f).withEmbeddingDropout(0.3f)))));
    }

    /**
     * Dropout between the layers alone leaves the embedding whole, so the first layer's projection can still be
     * looked up: the same loss and gradients as multiplying, with the same masks drawn.
     */
    @ParameterizedTest
    @MethodSource("configs")
    void layerDropoutAloneStillLooksTheProjectionUp(ModelConfig plain) {
        assumeTrue(SequenceModel.plan(plain, 9, 4).projection() == TokenProjection.LOOK_UP, "this model cannot look its projection up");
        ModelConfig config = new ModelConfig(plain.cell(), plain.vocabularySize(), plain.embeddingSize(), plain.hiddenSize(),
                plain.layers(), 0.3f, 0f, plain.tiedWeights(), plain.head(), plain.initialState());
        assertEquals(TokenProjection.LOOK_UP, SequenceModel.plan(config, 9, 4).projection());
        Trained multiplied = train(config, new WorkspacePlan(TokenProjection.MULTIPLY, false));
        Trained lookedUp = train(config, new WorkspacePlan(TokenProjection.LOOK_UP, false));
        assertEquals(multiplied.loss, lookedUp.loss, 1e-5 * multiplied.loss);
        assertArrayEquals(multiplied.gradients, lookedUp.gradients, 1e-5f);
        Trained undropped = train(plain, new WorkspacePlan(TokenProjection.LOOK_UP, false));
        assertNotEquals(undropped.loss, lookedUp.loss, "dropout between the layers changed nothing");
    }

    private record Trained(double loss, float[] gradients, float[] initialStateGradient) {
    }

    /** Loss and gradients of one training window of N = 4 rows whose tokens repeat. */
    private static Trained train(ModelConfig config, WorkspacePlan plan) {
        return train(config, plan, 9);
    }

    private static Trained train(ModelConfig config, WorkspacePlan plan, int steps) {
        return train(config, plan, steps, 4);
    }

    private static Trained train(ModelConfig config, WorkspacePlan plan, int steps, int rows) {
        SequenceModel model = randomModel(config, 11);
        Workspace ws = model.workspace(steps, rows, plan);
        fill(ws, randomTokens(config.vocabularySize(), (steps + 1) * rows, 12), 0, steps, rows);
        model.parameters().zeroGradients();
        double loss = model.forward(ws, model.newState(rows), Mode.TRAINING, new Rng(1));
        model.backward(ws);
        return new Trained(loss, model.parameters().gradients().clone(), ws.initialStateGradient(0).clone());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void chunkedWindowsEqualOneWholeWindow(ModelConfig config) {
        SequenceModel model = randomModel(config, 3);
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
        SequenceModel model = randomModel(config, 4);
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
        SequenceModel model = new SequenceModel(config, KernelProvider.kernels());
        Initializer.initialize(model, new Initialization(InitScheme.PYTORCH, 0f, 0f, true), new Rng(1));
        Workspace ws = model.workspace(2, 2);
        fill(ws, randomTokens(config.vocabularySize(), 6, 2), 0, 2, 2);
        double loss = model.forward(ws, model.newState(2), Mode.EVALUATION, null) / 4;
        assertEquals(Math.log(config.vocabularySize()), loss, 1e-6);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void inferenceWorkspaceGivesTheSameLogits(ModelConfig config) {
        SequenceModel model = randomModel(config, 6);
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

    /**
     * One row stepped one token at a time, as a sampler of one stream runs: the packed weights give the
     * training workspace's logits, and follow the parameters after a refresh.
     */
    @ParameterizedTest
    @MethodSource("configsAndKernels")
    void oneRowInferenceStepsGiveTheSameLogits(ModelConfig config, Kernels kernels) {
        SequenceModel model = new SequenceModel(config, kernels);
        Initializer.initialize(model, new Initialization(InitScheme.UNIFORM, 0.5f, 0f, false), new Rng(6));
        int[] tokens = randomTokens(config.vocabularySize(), 12, 9);
        Workspace inference = model.inferenceWorkspace(1, 1);
        for (int version = 0; version < 2; version++) {
            Workspace training = model.workspace(1, 1);
            RecurrentState trainingState = model.newState(1);
            RecurrentState inferenceState = model.newState(1);
            for (int token : tokens) {
                training.inputs()[0] = token;
                inference.inputs()[0] = token;
                float[] expected = model.logits(training, trainingState, Mode.EVALUATION, null).clone();
                assertArrayEquals(expected, model.logits(inference, inferenceState, Mode.EVALUATION, null), 1e-5f);
            }
            Initializer.initialize(model, new Initialization(InitScheme.UNIFORM, 0.3f, 0f, false), new Rng(7));
            model.refreshProjection(inference);
        }
        assertThrows(IllegalStateException.class, () -> model.backward(inference));
    }

    static SequenceModel randomModel(ModelConfig config, long seed) {
        SequenceModel model = new SequenceModel(config, KernelProvider.kernels());
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
