package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.ScoringStreams;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.TokenProjection;
import org.rnn4j.model.Workspace;
import org.rnn4j.model.WorkspacePlan;
import org.rnn4j.random.Rng;
import org.rnn4j.text.TokenArray;

/**
 * The evaluation's full windows, its shorter last window and a lent workspace all score the same positions;
 * streams scored side by side give each token the score one stream gives it from the stream's warm-up.
 */
class EvaluatorTest {

    private static final int V = 7;
    private static final int STEPS = 5;
    private static final int ROWS = 3;
    private static final int STREAM = 2 * STEPS + 3; // two full windows and a remainder of 3 steps

    @Test
    void windowsAndRemainderEqualOneWholeWindow() {
        SequenceModel model = model();
        int[] tokens = tokens(ROWS * STREAM + 1);

        Evaluation evaluation = new Evaluator(model, tokens, ROWS, STEPS).evaluate();

        Workspace whole = model.workspace(STREAM, ROWS);
        for (int t = 0; t < STREAM; t++) {
            for (int n = 0; n < ROWS; n++) {
                whole.inputs()[t * ROWS + n] = tokens[n * STREAM + t];
                whole.targets()[t * ROWS + n] = tokens[n * STREAM + t + 1];
            }
        }
        double loss = model.forward(whole, model.newState(ROWS), Mode.EVALUATION, null) / whole.positions();
        assertEquals(whole.positions(), evaluation.tokens());
        assertEquals(loss, evaluation.loss(), 1e-5 * loss);
        assertEquals((double) whole.correct() / whole.positions(), evaluation.accuracy(), 1.0 / whole.positions());
    }

    @Test
    void aLentWorkspaceGivesTheSameEvaluation() {
        SequenceModel model = model();
        int[] tokens = tokens(ROWS * STREAM + 1);
        Evaluation own = new Evaluator(model, tokens, ROWS, STEPS).evaluate();

        Workspace lent = model.workspace(STEPS, ROWS);
        Evaluator sharing = new Evaluator(model, TokenArray.of(tokens), ROWS, STEPS, lent);
        assertEquals(own, sharing.evaluate());
        assertEquals(own, sharing.evaluate(), "a second evaluation starts afresh");
        Workspace otherShape = model.workspace(STEPS + 1, ROWS);
        assertEquals(own, new Evaluator(model, TokenArray.of(tokens), ROWS, STEPS, otherShape).evaluate());
    }

    @Test
    void oneScoringStreamIsTheOneStreamEvaluation() {
        SequenceModel model = model();
        int[] tokens = tokens(ROWS * STREAM + 1);
        Evaluation one = new Evaluator(model, tokens, 1, STEPS).evaluate();
        assertEquals(one, new Evaluator(model, new ScoringStreams(TokenArray.of(tokens), 1, STEPS, 50), null).evaluate());
    }

    @Test
    void eachStreamScoresItsTokensAsOneStreamFromItsWarmUp() {
        SequenceModel model = model();
        int[] tokens = tokens(2000);
        int warmUp = 30;
        ScoringStreams streams = new ScoringStreams(TokenArray.of(tokens), 4, STEPS, warmUp);
        assertEquals(4, streams.rows());
        // the same plan for every row count; the kernels still round a block of rows unlike one row (≈ 1e-7)
        WorkspacePlan multiply = new WorkspacePlan(TokenProjection.MULTIPLY, false);
        double[] batched = new double[tokens.length];
        Evaluation all = new Evaluator(model, streams, model.workspace(STEPS, 4, multiply)).evaluate((position, token, logProbability) -> {
            assertEquals(tokens[(int) position], token);
            batched[(int) position] = logProbability;
        });
        assertEquals(tokens.length - 1, all.tokens());
        for (int n = 0; n < streams.rows(); n++) {
            int start = (int) Math.max(0, streams.cut(n) - (n == 0 ? 0 : warmUp));
            int end = (int) (n + 1 < streams.rows() ? streams.cut(n + 1) : tokens.length - 1);
            int row = n;
            new Evaluator(model, TokenArray.of(Arrays.copyOfRange(tokens, start, end + 1)), 1, STEPS, model.workspace(STEPS, 1, multiply)).evaluate((position, token, logProbability) -> {
                if (start + position > streams.cut(row)) {
                    assertEquals(logProbability, batched[(int) (start + position)], 1e-5, "position " + (start + position));
                }
            });
        }
    }

    @Test
    void warmingUpBringsTheLossToTheOneStreamLoss() {
        SequenceModel model = model();
        int[] tokens = tokens(20_000);
        double one = new Evaluator(model, tokens, 1, STEPS).evaluate().loss();
        double cold = new Evaluator(model, new ScoringStreams(TokenArray.of(tokens), 8, STEPS, 0), null).evaluate().loss();
        double warm = new Evaluator(model, new ScoringStreams(TokenArray.of(tokens), 8, STEPS, 100), null).evaluate().loss();
        assertTrue(Math.abs(warm - one) < Math.abs(cold - one), "warm " + warm + ", cold " + cold + ", one stream " + one);
        assertEquals(one, warm, 1e-6);
    }

    @Test
    void aStopRequestAbandonsTheEvaluationBeforeTheNextWindow() {
        SequenceModel model = model();
        Evaluator evaluator = new Evaluator(model, tokens(ROWS * STREAM + 1), ROWS, STEPS);
        int[] windows = new int[1];
        assertTrue(evaluator.evaluate(null, () -> ++windows[0] > 2).isEmpty());
        assertEquals(3, windows[0], "asked before each window, stopped before the third");
        assertEquals(evaluator.evaluate(), evaluator.evaluate(null, () -> false).orElseThrow(), "the next evaluation starts afresh");
    }

    private static SequenceModel model() {
        SequenceModel model = new SequenceModel(new ModelConfig(Cells.of("lstm"), V, 4, 6, 2, 0f), KernelProvider.kernels());
        Initializer.initialize(model, Initialization.pytorch(), new Rng(3));
        return model;
    }

    private static int[] tokens(int count) {
        Rng rng = new Rng(9);
        int[] tokens = new int[count];
        for (int i = 0; i < count; i++) {
            tokens[i] = (int) Math.floorMod(rng.nextLong(), (long) V);
        }
        return tokens;
    }
}
