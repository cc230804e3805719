package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.cell.Cells;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.TokenArray;

class ScoringStreamsTest {

    private static final int LENGTH = 1000;   // tokens 0 … 999, each its own index
    private static final int STEPS = 7;

    @Test
    void everyTargetIsScoredOnceAfterItsRowsWarmUp() {
        int warmUp = 20;
        ScoringStreams streams = new ScoringStreams(TokenArray.of(identity()), 5, STEPS, warmUp);
        assertEquals(5, streams.rows());
        Workspace ws = workspace(streams);
        int[] scored = new int[LENGTH];
        int[] warmUps = new int[streams.rows()];
        for (int w = 0; w < streams.windows(); w++) {
            streams.fill(0, w, ws);
            for (int t = 0; t < ws.steps(); t++) {
                for (int n = 0; n < streams.rows(); n++) {
                    int input = ws.inputs()[t * streams.rows() + n];
                    int target = ws.targets()[t * streams.rows() + n];
                    long position = streams.position(0, w, t, n);
                    if (position >= LENGTH) {
                        assertEquals(Kernels.PADDING, target, "past the text");
                        continue;
                    }
                    assertEquals(position - 1, input, "row " + n + " reads the text in order");
                    if (target == Kernels.PADDING) {
                        warmUps[n]++;
                        assertTrue(position <= streams.cut(n), "warm-up lies before the cut");
                    } else {
                        assertEquals(position, target);
                        scored[target]++;
                    }
                }
            }
        }
        for (int p = 1; p < LENGTH; p++) {
            assertEquals(1, scored[p], "position " + p);
        }
        assertEquals(0, warmUps[0], "the first row starts at the text's start");
        for (int n = 1; n < streams.rows(); n++) {
            assertEquals(warmUp, warmUps[n], "row " + n);
        }
    }

    @Test
    void aShortTextGetsFewerRowsAndWindowsAreReadInOrder() {
        ScoringStreams streams = new ScoringStreams(TokenArray.of(identity()), 64, STEPS, 100);
        assertEquals(2, streams.rows(), "each row scores at least four warm-ups' worth");
        Workspace ws = workspace(streams);
        streams.fill(0, 0, ws);
        assertThrows(IllegalStateException.class, () -> streams.fill(0, 2, ws));
        streams.fill(0, 0, ws);
        assertEquals(0, ws.inputs()[0], "window 0 starts afresh");
    }

    private static Workspace workspace(ScoringStreams streams) {
        SequenceModel model = new SequenceModel(new ModelConfig(Cells.of("rnn"), LENGTH, 2, 2, 1, 0f), KernelProvider.kernels());
        return model.workspace(streams.steps(), streams.rows());
    }

    private static int[] identity() {
        int[] tokens = new int[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            tokens[i] = i;
        }
        return tokens;
    }
}
