package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.rnn4j.InputContract;

/**
 * Coverage-guided fuzzing of the JSON reader (checkpoint metadata, safetensors headers, metrics lines). Under
 * {@code ./run-tests} it replays the seeds in JsonFuzzTestInputs; {@code scripts/fuzz.sh} fuzzes it (docs/reliability.md).
 */
class JsonFuzzTest {

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void parse(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        InputContract.parsesOrRefuses(() -> {
            Object value = Json.parse(text);
            assertEquals(Json.write(value), Json.write(Json.parse(Json.write(value))), "what is written reads back the same");
        });
    }
}
