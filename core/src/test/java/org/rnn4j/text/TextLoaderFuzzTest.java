package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.rnn4j.InputContract;

/**
 * Coverage-guided fuzzing of the text loader, bytes to code points to token ids: a text it accepts is exactly
 * its bytes as strict UTF-8 (they encode back to the same bytes), and every code point gets an id.
 */
class TextLoaderFuzzTest {

    private static Path file;

    @BeforeAll
    static void makeFile() throws Exception {
        file = InputContract.scratchFile("corpus.txt");
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void read(byte[] input) throws Exception {
        Files.write(file, input);
        InputContract.parsesOrRefuses(() -> {
            String text = TextLoader.read(file);
            assertArrayEquals(input, text.getBytes(StandardCharsets.UTF_8), "strict UTF-8 round-trips");
            Vocabulary vocabulary = Vocabulary.ofCodePoints(text);
            assertEquals(text.codePointCount(0, text.length()), vocabulary.encodeCodePoints(text, "the text").length);
        });
    }
}
