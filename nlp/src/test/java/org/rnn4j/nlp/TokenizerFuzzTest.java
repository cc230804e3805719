package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.Json;

/**
 * Coverage-guided fuzzing of the word tokenizers' entry points: a checkpoint's {@code tokenizer} metadata, and
 * text cut by each tokenizer (a corpus, a prime, a text to score). Each input is read, or refused with one line:
 * an {@link InvalidInputException} for text, an {@link IllegalArgumentException} naming the bad key for metadata,
 * which the command line reports as the bad input it is.
 */
class TokenizerFuzzTest {

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void tokenization(byte[] input) {
        try {
            Tokenization.fromJson(Json.parseObject(new String(input, StandardCharsets.UTF_8))).tokenizer();
        } catch (IllegalArgumentException | InvalidInputException refused) {
            assertOneLine(refused);
        }
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void whitespace(byte[] input) {
        cut(new WhitespaceTokenizer(input.length % 2 == 0 ? Casing.AS_WRITTEN : Casing.LOWERCASE), input);
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void opennlp(byte[] input) {
        cut(new OpenNlpTokenizer(input.length % 2 == 0 ? Casing.AS_WRITTEN : Casing.LOWERCASE), input);
    }

    private static void cut(Tokenizer tokenizer, byte[] input) {
        try {
            tokenizer.sentences(new String(input, StandardCharsets.UTF_8), "the text");
        } catch (InvalidInputException refused) {
            assertOneLine(refused);
        }
    }

    private static void assertOneLine(RuntimeException refused) {
        String message = refused.getMessage();
        assertFalse(message == null || message.isBlank() || message.contains("\n") || message.contains("\r"),
                () -> "a refusal is one line: " + message);
    }
}
