package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.rnn4j.cell.Cells;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.LanguageModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.Workspace;
import org.rnn4j.random.Rng;

/** The evaluation's full windows, its shorter last window and a lent workspace all score the same positions. */
class EvaluatorTest {

    private static final int V = 7;
    private static final int STEPS = 5;
    private static final int ROWS = 3;
    private static final int STREAM = 2 * STEPS + 3; // two full windows and a remainder of 3 steps

    @Test
    void windowsAndRemainderEqualOneWholeWindow() {
        LanguageModel model = model();
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
        LanguageModel model = model();
        int[] tokens = tokens(ROWS * STREAM + 1);
        Evaluation own = new Evaluator(model, tokens, ROWS, STEPS).evaluate();

        Workspace lent = model.workspace(STEPS, ROWS);
        Evaluator sharing = new Evaluator(model, tokens, ROWS, STEPS, lent);
        assertEquals(own, sharing.evaluate());
        assertEquals(own, sharing.evaluate(), "a second evaluation starts afresh");
        Workspace otherShape = model.workspace(STEPS + 1, ROWS);
        assertEquals(own, new Evaluator(model, tokens, ROWS, STEPS, otherShape).evaluate());
    }

    private static LanguageModel model() {
        LanguageModel model = new LanguageModel(new ModelConfig(Cells.of("lstm"), V, 4, 6, 2, 0f), KernelProvider.kernels());
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
