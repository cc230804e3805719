package org.rnn4j.train;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.rnn4j.InputContract;

/**
 * Coverage-guided fuzzing of the metrics log as a resumed run reopens it: a metrics.jsonl of fuzzed bytes is
 * cut back to a fuzzed step, or refused with one line.
 */
class MetricsLogFuzzTest {

    private static Path metrics;

    @BeforeAll
    static void makeFile() throws Exception {
        metrics = InputContract.scratchFile(MetricsLog.FILE_NAME);
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void resume(FuzzedDataProvider data) throws Exception {
        long step = data.consumeLong(1, Long.MAX_VALUE);
        Files.write(metrics, data.consumeRemainingAsBytes());
        InputContract.parsesOrRefuses(() -> new MetricsLog(metrics.getParent(), step).close());
    }
}
