package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.TokenArray;

/** Each row is one sentence from the start token, padded; windows are as long as their longest sentence. */
class SentenceBatcherTest {

    private static final int START = 1;
    private static final int END = 2;
    // sentences: [5 6 7], [8], [9 10], [] (skipped), [11 12 13 14]
    private static final int[] TOKENS = {5, 6, 7, END, 8, END, 9, 10, END, END, 11, 12, 13, 14, END};

    private static Workspace workspace(int steps, int rows) {
        return new SequenceModel(new ModelConfig(Cells.of("gru"), 15, 3, 2, 1, 0f), KernelProvider.kernels()).workspace(steps, rows);
    }

    @Test
    void rowsReadOneSentenceEachAndPadTheRest() {
        SentenceBatcher batcher = new SentenceBatcher(TOKENS, START, END, 2, 6, 7, "text");
        assertEquals(4, batcher.sentences());
        assertEquals(2, batcher.windows());
        assertFalse(batcher.carriesState());
        Workspace ws = workspace(6, 2);
        Set<List<Integer>> seen = new HashSet<>();
        for (int w = 0; w < batcher.windows(); w++) {
            batcher.fill(0, w, ws);
            for (int n = 0; n < 2; n++) {
                List<Integer> targets = new ArrayList<>();
                for (int t = 0; t < ws.steps(); t++) {
                    int target = ws.targets()[t * 2 + n];
                    int input = ws.inputs()[t * 2 + n];
                    if (t == 0) {
                        assertEquals(START, input);
                    }
                    if (target == Kernels.PADDING) {
                        continue;
                    }
                    targets.add(target);
                    assertEquals(target, TOKENS[(int) batcher.position(0, w, t, n)]);
                    if (t > 0) {
                        assertEquals(input, ws.targets()[(t - 1) * 2 + n]);
                    }
                }
                seen.add(targets);
            }
        }
        // sorted by length: [8] with [9 10] (window of 3 steps), [5 6 7] with [11 12 13 14] (5 steps)
        assertEquals(Set.of(List.of(8, END), List.of(9, 10, END), List.of(5, 6, 7, END), List.of(11, 12, 13, 14, END)), seen);
    }

    @Test
    void passesShuffleTheWindowsReproducibly() {
        int[] tokens = new int[300];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i % 3 == 2 ? END : 5;
        }
        SentenceBatcher batcher = new SentenceBatcher(tokens, START, END, 1, 4, 7, "text");
        List<Long> first = new ArrayList<>();
        List<Long> again = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (int w = 0; w < batcher.windows(); w++) {
            first.add(batcher.position(0, w, 0, 0));
            second.add(batcher.position(1, w, 0, 0));
        }
        for (int w = 0; w < batcher.windows(); w++) {
            again.add(batcher.position(0, w, 0, 0));
        }
        assertEquals(first, again);
        assertTrue(!first.equals(second));
        assertEquals(new HashSet<>(first), new HashSet<>(second));
    }

    @Test
    void aSentenceLongerThanTheWindowIsRefusedWithTheLengthNeeded() {
        var e = assertThrows(InvalidInputException.class, () -> new SentenceBatcher(TOKENS, START, END, 2, 4, 7, "the training split"));
        assertTrue(e.getMessage().contains("1 sentence(s) longer than the window of 4"), e.getMessage());
        assertTrue(e.getMessage().contains("raise --seq-length to 5"), e.getMessage());
    }

    @Test
    void theLongestSentenceCountsItsWordsAndItsEnd() {
        assertEquals(5, SentenceBatcher.longestSentence(TokenArray.of(TOKENS), END));
        assertEquals(1, SentenceBatcher.longestSentence(TokenArray.of(new int[] {5, 6, 7}), END));
    }

    @Test
    void aStreamWithoutSentenceEndsIsRefused() {
        var e = assertThrows(InvalidInputException.class, () -> new SentenceBatcher(new int[] {5, 6, 7}, START, END, 2, 4, 7, "text"));
        assertTrue(e.getMessage().contains("no sentence"), e.getMessage());
    }
}
