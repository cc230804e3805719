package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.optim.Optimizer;

/**
 * Checkpoints written by format version 1 (a 2×8 LSTM trained 6 steps on golden/sonnets-3000.txt) and 2 (the same
 * with a learned initial state) must stay readable, resumable and score their text as they did when written.
 */
class GoldenCheckpointTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @Test
    void formatVersionOneStillLoadsAndScoresAsWhenWritten() throws Exception {
        Checkpoint checkpoint = Checkpoint.load(GOLDEN.resolve("lstm-v1.safetensors"));
        assertEquals(Cells.of("lstm"), checkpoint.model().cell());
        assertEquals(52, checkpoint.vocabulary().size());
        assertEquals(8, checkpoint.model().hiddenSize());
        assertTrue(checkpoint.resumable());
        assertEquals(6, checkpoint.trainingState().step());

        SequenceModel model = new SequenceModel(checkpoint.model(), KernelProvider.kernels());
        checkpoint.loadInto(model);
        String text = Files.readString(GOLDEN.resolve("sonnets-3000.txt"), StandardCharsets.UTF_8);
        int[] tokens = checkpoint.vocabulary().encodeCodePoints(text, "the golden text");
        Evaluation evaluation = new Evaluator(model, tokens, 1, 100).evaluate();
        assertEquals(2999, evaluation.tokens());
        assertEquals(3.976143, evaluation.loss(), 2e-6); // rnn4j eval printed 3.976143 when the file was written

        Optimizer optimizer = new Optimizer(checkpoint.training().optimizer(), model.parameters().layout().size());
        checkpoint.restoreOptimizer(optimizer);
        assertEquals(6, optimizer.steps());
        assertTrue(new GradientClipping(model.kernels()).norm(optimizer.moments().get(1)) > 0, "Adam's second moment was restored");
    }

    @Test
    void formatVersionTwoLoadsItsLearnedInitialStateAndScoresAsWhenWritten() throws Exception {
        Checkpoint checkpoint = Checkpoint.load(GOLDEN.resolve("lstm-learned-v2.safetensors"));
        assertEquals(InitialState.LEARNED, checkpoint.model().initialState());
        assertEquals(2, Checkpoint.formatVersion(checkpoint.model()));
        assertTrue(checkpoint.resumable());

        SequenceModel model = new SequenceModel(checkpoint.model(), KernelProvider.kernels());
        checkpoint.loadInto(model);
        String text = Files.readString(GOLDEN.resolve("sonnets-3000.txt"), StandardCharsets.UTF_8);
        int[] tokens = checkpoint.vocabulary().encodeCodePoints(text, "the golden text");
        double loss = new Evaluator(model, tokens, 1, 100).evaluate().loss();
        assertEquals(3.357272, loss, 2e-6); // rnn4j eval printed 3.357272 when the file was written

        SequenceModel fromZero = new SequenceModel(checkpoint.model().withInitialState(InitialState.ZERO), KernelProvider.kernels());
        checkpoint.loadInto(fromZero);
        assertTrue(Math.abs(new Evaluator(fromZero, tokens, 1, 100).evaluate().loss() - 3.357272) > 1e-5, "the file's h₀ and c₀ count");
    }

    @Test
    void aCheckpointWithoutOptimizerStateIsRefusedWhenResuming(@TempDir Path temp) {
        SafeTensors.Contents golden = SafeTensors.read(GOLDEN.resolve("lstm-v1.safetensors"));
        Path stripped = temp.resolve("stripped.safetensors");
        SafeTensors.write(stripped, golden.metadata(),
                golden.entries().stream().filter(e -> !e.name().startsWith("optim.")).toList());
        Checkpoint checkpoint = Checkpoint.load(stripped);
        Optimizer optimizer = new Optimizer(checkpoint.training().optimizer(), ModelLayout.of(checkpoint.model()).size());
        var e = assertThrows(InvalidInputException.class, () -> checkpoint.restoreOptimizer(optimizer));
        assertTrue(e.getMessage().contains("lacks the optimizer state optim.exp_avg."), e.getMessage());
    }
}
