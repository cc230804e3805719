package org.rnn4j.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.CellConfigs;
import org.rnn4j.cell.Cells;
import org.rnn4j.check.GradientCheck.Gradients;
import org.rnn4j.check.GradientCheck.Options;
import org.rnn4j.check.GradientCheck.TensorError;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Tensor;

/** The reference's analytic gradients agree with centred differences; the checker catches a wrong one. */
class GradientCheckTest {

    private static final double TOLERANCE = 1e-6;
    private static final int V = 5;
    private static final int E = 4;
    private static final int H = 3;

    /** Every cell, embedding (E = 4) and one-hot (E = 0) input, L = 1 and 2, and tied weights (E = H). */
    static Stream<Arguments> configs() {
        List<Arguments> configs = new ArrayList<>();
        for (Cell cell : Cells.all()) {
            for (int embedding : new int[] {E, 0}) {
                for (int layers = 1; layers <= 2; layers++) {
                    configs.add(Arguments.of(CellConfigs.of(cell, V, embedding, H, layers, 0f)));
                }
            }
            configs.add(Arguments.of(CellConfigs.of(cell, V, H, H, 2, 0f, true)));
        }
        for (int factors : new int[] {1, 5}) { // F below and above H
            configs.add(Arguments.of(new ModelConfig(Cells.of("mrnn").with(Map.of("factors", factors)), V, E, H, 2, 0f)));
        }
        return configs.stream();
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyTensorMatchesCentredDifferences(ModelConfig config) {
        for (long seed = 1; seed <= 3; seed++) {
            List<TensorError> errors = new GradientCheck(config, Options.defaults(seed)).run();

            int stateTensors = config.layers() * config.cell().stateVectors();
            assertEquals(ModelLayout.of(config).tensors().size() + stateTensors, errors.size());
            for (TensorError error : errors) {
                assertEquals(product(error.shape()), error.checked(), error.tensor());
                assertTrue(error.maxRelativeError() <= TOLERANCE, "seed " + seed + ": " + error);
            }
        }
    }

    /** Every cell with a learned initial state, on embedding and one-hot input, L = 1 and 2. */
    static Stream<Arguments> learnedConfigs() {
        return Cells.all().stream().flatMap(cell -> Stream.of(
                Arguments.of(CellConfigs.of(cell, V, E, H, 2, 0f).withInitialState(InitialState.LEARNED)),
                Arguments.of(CellConfigs.of(cell, V, 0, H, 1, 0f).withInitialState(InitialState.LEARNED))));
    }

    /** The window runs from the reset state of the parameters: rnn.initial_state_l is checked like any tensor. */
    @ParameterizedTest
    @MethodSource("learnedConfigs")
    void aLearnedInitialStateMatchesCentredDifferences(ModelConfig config) {
        for (long seed = 1; seed <= 2; seed++) {
            GradientCheck check = new GradientCheck(config, Options.defaults(seed));
            List<TensorError> errors = check.run();

            assertEquals(check.model().layout().tensors().stream().map(Tensor::name).toList(),
                    errors.stream().map(TensorError::tensor).toList(), "the layout's tensors, no free initial state");
            for (TensorError error : errors) {
                assertTrue(error.maxRelativeError() <= TOLERANCE, "seed " + seed + ": " + error);
            }
            double[] gradients = check.analyticGradients().params();
            for (int l = 0; l < config.layers(); l++) {
                Tensor initial = check.model().layout().get(ModelLayout.initialStateTensor(l));
                assertArrayEquals(new int[] {config.cell().stateVectors(), config.hiddenSize()}, initial.shape());
                assertTrue(Arrays.stream(gradients, initial.offset(), initial.offset() + initial.size()).anyMatch(g -> Math.abs(g) > 1e-6),
                        "the loss depends on " + initial.name());
            }
        }
    }

    /** At a reset every row holds h₀ (and c₀); the gradient of the tensor is the sum of the rows' state gradients. */
    @Test
    void theResetStateBroadcastsTheTensorAndItsGradientSumsTheRows() {
        ModelConfig config = new ModelConfig(Cells.of("lstm"), V, E, H, 2, 0f).withInitialState(InitialState.LEARNED);
        ReferenceModel model = new ReferenceModel(config);
        double[] params = new double[model.layout().size()];
        Tensor layer1 = model.layout().get(ModelLayout.initialStateTensor(1)); // (2, H): h₀, c₀
        for (int i = 0; i < layer1.size(); i++) {
            params[layer1.offset() + i] = i + 1;
        }
        ReferenceModel.State reset = model.resetState(params, 2);
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, reset.h()[1]);
        assertArrayEquals(new double[] {4, 5, 6, 4, 5, 6}, reset.c()[1]);
        assertArrayEquals(new double[6], reset.h()[0]);

        ReferenceModel.State gradients = ReferenceModel.State.zeros(config, 2);
        gradients.h()[1] = new double[] {1, 2, 3, 10, 20, 30};
        gradients.c()[1] = new double[] {-1, 0, 1, 0, 0, 5};
        double[] sums = new double[params.length];
        model.addResetGradients(gradients, sums);
        assertArrayEquals(new double[] {11, 22, 33, -1, 0, 6},
                Arrays.copyOfRange(sums, layer1.offset(), layer1.offset() + layer1.size()));
        Tensor layer0 = model.layout().get(ModelLayout.initialStateTensor(0));
        assertArrayEquals(new double[layer0.size()], Arrays.copyOfRange(sums, layer0.offset(), layer0.offset() + layer0.size()));
    }

    @Test
    void reportsInitialStatePseudoTensors() {
        ModelConfig config = new ModelConfig(Cells.of("lstm"), V, E, H, 2, 0f);
        List<String> names = new GradientCheck(config, Options.defaults(1)).run().stream()
                .map(TensorError::tensor).toList();

        assertEquals(List.of("embedding.weight",
                "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
                "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
                "decoder.weight", "decoder.bias",
                "initial.h_l0", "initial.h_l1", "initial.c_l0", "initial.c_l1"), names);
    }

    @Test
    void checksOnlyTheFirstEntriesWhenAsked() {
        ModelConfig config = new ModelConfig(Cells.of("gru"), V, E, H, 1, 0f);
        List<TensorError> errors = new GradientCheck(config, new Options(7, 4, 2, GradientCheck.DEFAULT_STEP, GradientCheck.DEFAULT_FLOOR, 2)).run();

        for (TensorError error : errors) {
            assertEquals(2, error.checked(), error.tensor());
        }
    }

    @Test
    void reluProblemKeepsAwayFromTheKink() {
        ModelConfig config = new ModelConfig(Cells.of("rnn-relu"), V, E, H, 2, 0f);
        GradientCheck check = new GradientCheck(config, Options.defaults(3));
        GradientCheck.Problem problem = check.problem();

        double distance = check.model().kinkDistance(problem.params(), problem.window(), problem.initial());
        assertTrue(distance >= GradientCheck.RELU_MARGIN, "distance " + distance);
    }

    @Test
    void detectsAWrongAnalyticEntry() {
        ModelConfig config = new ModelConfig(Cells.of("lstm"), V, E, H, 2, 0f);
        GradientCheck check = new GradientCheck(config, Options.defaults(11));
        Gradients analytic = check.analyticGradients();
        Tensor wrong = check.model().layout().get(ModelLayout.layerTensor(1, RecurrentTensors.WEIGHT_HH));
        analytic.params()[wrong.offset() + 4] += 1e-6;
        analytic.initial().c()[0][1] -= 1e-6;

        for (TensorError error : check.check(analytic)) {
            boolean broken = error.tensor().equals(wrong.name()) || error.tensor().equals("initial.c_l0");
            assertEquals(broken, error.maxRelativeError() > TOLERANCE, error::toString);
        }
    }

    @Test
    void relativeErrorIsAbsoluteBelowTheFloor() {
        assertEquals(0, GradientCheck.relativeError(0, 0, 1e-4));
        assertEquals(0.5, GradientCheck.relativeError(1.0, 0.5, 1e-4));
        assertEquals(2, GradientCheck.relativeError(1e-4, -1e-4, 1e-4));
        assertEquals(2e-6, GradientCheck.relativeError(1e-10, -1e-10, 1e-4), 1e-18);
    }

    @Test
    void compareMeasuresFloatGradientsAgainstTheReference() {
        ModelConfig config = new ModelConfig(Cells.of("gru"), V, 0, H, 2, 0f);
        GradientCheck check = new GradientCheck(config, Options.defaults(5));
        ParameterLayout layout = check.model().layout();
        double[] reference = check.analyticGradients().params();
        float[] candidate = new float[reference.length];
        for (int i = 0; i < reference.length; i++) {
            candidate[i] = (float) reference[i];
        }

        List<TensorError> rounded = GradientCheck.compare(layout, reference, candidate);
        assertEquals(layout.tensors().size(), rounded.size());
        assertTrue(GradientCheck.worst(rounded) < 1e-7, () -> rounded.toString());

        Tensor bias = layout.get(LanguageModelHead.DECODER_BIAS);
        candidate[bias.offset()] += 1e-3f;
        for (TensorError error : GradientCheck.compare(layout, reference, candidate)) {
            assertEquals(error.tensor().equals(bias.name()), error.maxRelativeError() > 1e-4, error::toString);
        }
    }

    private static int product(int[] shape) {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return size;
    }
}
