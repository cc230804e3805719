package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.rnn4j.InvalidInputException;
import org.rnn4j.train.MetricsLog;

/**
 * Coverage-guided fuzzing of {@code rnn4j plot}'s reader of a run's metrics.jsonl: the curves are read, or the
 * file is refused with one line naming the bad line.
 */
class MetricsPlotFuzzTest {

    private static Path run;

    /** Under {@code rnn4j.fuzz.dir} when set, as in core's fuzz tests (InputContract.scratchFolder). */
    @BeforeAll
    static void makeRun() throws Exception {
        run = Files.createTempDirectory(Path.of(System.getProperty("rnn4j.fuzz.dir", System.getProperty("java.io.tmpdir"))), "rnn4j-fuzz");
    }

    @AfterAll
    static void removeRun() throws Exception {
        Files.deleteIfExists(run.resolve(MetricsLog.FILE_NAME));
        Files.deleteIfExists(run);
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void curves(byte[] input) throws Exception {
        Files.write(run.resolve(MetricsLog.FILE_NAME), input);
        try {
            LossPlot.Curves.read(run);
        } catch (InvalidInputException refused) {
            String message = refused.getMessage();
            assertFalse(message == null || message.isBlank() || message.contains("\n") || message.contains("\r"),
                    () -> "a refusal is one line: " + message);
        }
    }
}
