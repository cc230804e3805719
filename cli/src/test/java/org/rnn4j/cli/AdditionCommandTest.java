package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code rnn4j demo addition}: a labeller trained on short numbers adds longer ones; nonsense sizes are refused. */
class AdditionCommandTest {

    @Test
    void aSmallLabellerAddsNumbersLongerThanAnyItTrainedOn() {
        List<String> lines = Cli.run("demo", "addition", "--train-bits", "4", "--test-bits", "8", "--pairs", "200", "--rnn-epochs", "30")
                .ok().out().lines().toList();
        assertEquals("data: 200 pairs of 4-bit numbers to train on, 200 pairs of 8-bit numbers held out (seed 1)", lines.get(0));
        assertTrue(lines.get(2).endsWith("held out (addition of 8-bit numbers): steps right 100.00%, sequences all right 100.00%"),
                lines.get(2));
    }

    @Test
    void nonsenseSizesAreRefused() {
        Cli.Result result = Cli.run("demo", "addition", "--train-bits", "2", "--pairs", "100");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("the training set needs 1 to 16 pairs of 2-bit numbers, got 100"), result.err());
        Cli.Result size = Cli.run("demo", "addition", "--rnn-size", "0");
        assertEquals(2, size.exitCode());
        assertTrue(size.err().contains("--rnn-size"), size.err());
        assertEquals("", size.out());
    }
}
