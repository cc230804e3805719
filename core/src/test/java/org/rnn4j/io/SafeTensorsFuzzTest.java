package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.rnn4j.InputContract;

/**
 * Coverage-guided fuzzing of the safetensors reader on whole files of fuzzed bytes: every length field is
 * checked before anything is allocated, so no input ends in an {@code OutOfMemoryError}.
 */
class SafeTensorsFuzzTest {

    private static Path file;

    @BeforeAll
    static void makeFile() throws Exception {
        file = InputContract.scratchFile("fuzzed.safetensors");
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void read(byte[] input) throws Exception {
        Files.write(file, input);
        InputContract.parsesOrRefuses(() -> {
            SafeTensors.Contents contents = SafeTensors.read(file);
            for (SafeTensors.Entry entry : contents.entries()) {
                int values = switch (entry.dtype()) {
                    case F32 -> entry.floats().length;
                    case F64 -> entry.doubles().length;
                    case I64 -> entry.longs().length;
                };
                assertEquals(entry.size(), values);
            }
        });
    }
}
