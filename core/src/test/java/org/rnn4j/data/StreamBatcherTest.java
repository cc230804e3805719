package org.rnn4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;

class StreamBatcherTest {

    @Test
    void windowsContinueEachStreamAndTargetsAreTheNextTokens() {
        int[] tokens = new int[21];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = i;
        }
        StreamBatcher batcher = new StreamBatcher(tokens, 2, 3, "text"); // streams of 10: [0..9], [10..19]
        assertEquals(10, batcher.streamLength());
        assertEquals(3, batcher.windows());
        assertEquals(1, batcher.remainderSteps());
        int[] inputs = new int[6];
        int[] targets = new int[6];
        batcher.fill(1, inputs, targets);
        assertArrayEquals(new int[] {3, 13, 4, 14, 5, 15}, inputs);
        assertArrayEquals(new int[] {4, 14, 5, 15, 6, 16}, targets);
    }

    @Test
    void tooShortSaysHowShortAndWhatToChange() {
        var e = assertThrows(InvalidInputException.class, () -> new StreamBatcher(new int[100], 10, 10, "the training split"));
        assertTrue(e.getMessage().contains("has 100 tokens"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 101"), e.getMessage());
        assertTrue(e.getMessage().contains("lower the batch size or the sequence length"), e.getMessage());
    }
}
