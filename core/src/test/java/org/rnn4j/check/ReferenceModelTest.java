package org.rnn4j.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.CellConfigs;
import org.rnn4j.cell.Cells;
import org.rnn4j.check.ReferenceModel.Result;
import org.rnn4j.check.ReferenceModel.State;
import org.rnn4j.check.ReferenceModel.Window;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.tensor.Tensor;

/** The recurrence contract of the reference: chunked equals whole, uniform prediction, accumulation. */
class ReferenceModelTest {

    private static final int V = 5;
    private static final int H = 3;
    private static final int N = 2;

    static Stream<Cell> cells() {
        return Cells.all().stream();
    }

    @ParameterizedTest
    @MethodSource("cells")
    void chunkedWindowsEqualTheWholeWindow(Cell cell) {
        ModelConfig config = CellConfigs.of(cell, V, 4, H, 2, 0f);
        ReferenceModel model = new ReferenceModel(config);
        SplittableRandom random = new SplittableRandom(17);
        double[] params = uniform(random, model.layout().size());
        int[] inputs = tokens(random, 6 * N);
        int[] targets = tokens(random, 6 * N);
        State initial = randomState(random, config);

        Result whole = model.run(params, new Window(inputs, targets, 6, N), initial);
        Result first = model.run(params, new Window(firstHalf(inputs), firstHalf(targets), 3, N), initial);
        Result second = model.run(params, new Window(secondHalf(inputs), secondHalf(targets), 3, N), first.finalState());

        assertEquals(whole.loss() * 6 * N, first.loss() * 3 * N + second.loss() * 3 * N, 1e-12);
        assertStateEquals(whole.finalState(), second.finalState(), 1e-12);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void zeroDecoderWeightsPredictUniformly(Cell cell) {
        ModelConfig config = CellConfigs.of(cell, V, 0, H, 2, 0f);
        ReferenceModel model = new ReferenceModel(config);
        SplittableRandom random = new SplittableRandom(23);
        double[] params = uniform(random, model.layout().size());
        Tensor weight = model.layout().get(LanguageModelHead.DECODER_WEIGHT);
        Tensor bias = model.layout().get(LanguageModelHead.DECODER_BIAS);
        Arrays.fill(params, weight.offset(), weight.offset() + weight.size(), 0.0);
        // a constant bias shifts every logit alike
        Arrays.fill(params, bias.offset(), bias.offset() + bias.size(), 0.3);

        // T·N = 2: the mean of two equal losses is exact
        Window window = new Window(tokens(random, N), tokens(random, N), 1, N);
        assertEquals(Math.log(V), model.loss(params, window, randomState(random, config)));
    }

    @ParameterizedTest
    @MethodSource("cells")
    void oneHotInputEqualsAnIdentityEmbedding(Cell cell) {
        ReferenceModel oneHotModel = new ReferenceModel(CellConfigs.of(cell, V, 0, H, 2, 0f));
        ReferenceModel embeddedModel = new ReferenceModel(CellConfigs.of(cell, V, V, H, 2, 0f));
        SplittableRandom random = new SplittableRandom(31);
        double[] oneHotParams = uniform(random, oneHotModel.layout().size());
        double[] embeddedParams = new double[embeddedModel.layout().size()];
        for (Tensor tensor : oneHotModel.layout().tensors()) {
            Tensor target = embeddedModel.layout().get(tensor.name());
            System.arraycopy(oneHotParams, tensor.offset(), embeddedParams, target.offset(), tensor.size());
        }
        // embedding.weight = I (V, V): row v is the one-hot vector of v
        int embedding = embeddedModel.layout().get(ModelLayout.EMBEDDING).offset();
        for (int v = 0; v < V; v++) {
            embeddedParams[embedding + v * V + v] = 1.0;
        }
        Window window = new Window(tokens(random, 3 * N), tokens(random, 3 * N), 3, N);
        State initial = randomState(random, oneHotModel.config());

        Result oneHot = oneHotModel.run(oneHotParams, window, initial);
        Result embedded = embeddedModel.run(embeddedParams, window, initial);
        assertEquals(oneHot.loss(), embedded.loss());
        assertStateEquals(oneHot.finalState(), embedded.finalState(), 0);
    }

    @Test
    void gradientsAccumulateAndInitialGradientsAreOverwritten() {
        ModelConfig config = new ModelConfig(Cells.of("lstm"), V, 4, H, 2, 0f);
        ReferenceModel model = new ReferenceModel(config);
        SplittableRandom random = new SplittableRandom(29);
        double[] params = uniform(random, model.layout().size());
        Window window = new Window(tokens(random, 4 * N), tokens(random, 4 * N), 4, N);
        State initial = randomState(random, config);

        double[] once = new double[params.length];
        State dInitialOnce = State.zeros(config, N);
        model.lossAndGradients(params, window, initial, once, dInitialOnce);
        double[] twice = new double[params.length];
        State dInitialTwice = randomState(random, config);
        model.lossAndGradients(params, window, initial, twice, dInitialTwice);
        model.lossAndGradients(params, window, initial, twice, dInitialTwice);

        for (int i = 0; i < params.length; i++) {
            assertEquals(2 * once[i], twice[i], 1e-15);
        }
        assertStateEquals(dInitialOnce, dInitialTwice, 0);
    }

    @Test
    void rejectsTokensOutsideTheVocabularyAndMisshapedState() {
        ModelConfig config = new ModelConfig(Cells.of("gru"), V, 4, H, 1, 0f);
        ReferenceModel model = new ReferenceModel(config);
        double[] params = new double[model.layout().size()];
        Window window = new Window(new int[] {0, V}, new int[] {1, 2}, 1, N);

        assertThrows(IllegalArgumentException.class, () -> model.loss(params, window, State.zeros(config, N)));
        Window valid = new Window(new int[] {0, 1}, new int[] {1, 2}, 1, N);
        assertThrows(IllegalArgumentException.class, () -> model.loss(params, valid, State.zeros(config, N + 1)));
        assertThrows(IllegalArgumentException.class, () -> new Window(new int[] {0}, new int[] {1, 2}, 1, N));
    }

    private static void assertStateEquals(State expected, State actual, double delta) {
        assertEquals(expected.h().length, actual.h().length);
        assertEquals(expected.c().length, actual.c().length);
        for (int l = 0; l < expected.h().length; l++) {
            assertArrayEquals(expected.h()[l], actual.h()[l], delta);
        }
        for (int l = 0; l < expected.c().length; l++) {
            assertArrayEquals(expected.c()[l], actual.c()[l], delta);
        }
    }

    private static State randomState(SplittableRandom random, ModelConfig config) {
        State state = State.zeros(config, N);
        for (double[] h : state.h()) {
            System.arraycopy(uniform(random, h.length), 0, h, 0, h.length);
        }
        for (double[] c : state.c()) {
            System.arraycopy(uniform(random, c.length), 0, c, 0, c.length);
        }
        return state;
    }

    private static double[] uniform(SplittableRandom random, int size) {
        return random.doubles(size, -0.5, 0.5).toArray();
    }

    private static int[] tokens(SplittableRandom random, int count) {
        return random.ints(count, 0, V).toArray();
    }

    private static int[] firstHalf(int[] tokens) {
        return Arrays.copyOfRange(tokens, 0, tokens.length / 2);
    }

    private static int[] secondHalf(int[] tokens) {
        return Arrays.copyOfRange(tokens, tokens.length / 2, tokens.length);
    }
}
