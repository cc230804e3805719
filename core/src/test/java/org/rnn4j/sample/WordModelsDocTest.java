package org.rnn4j.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.Docs;
import org.rnn4j.data.Batching;

/** docs/word-models.md names, for each training mode, the token a generated sentence starts after. */
class WordModelsDocTest {

    @Test
    void theStartOfASentenceIsDocumentedForEveryMode() {
        String section = Docs.section("word-models.md", "Generating sentences");
        for (Batching batching : Batching.values()) {
            String row = "| `" + batching.id() + "`";
            int at = section.indexOf(row);
            assertTrue(at >= 0, () -> "a row for --mode " + batching.id() + " in:\n" + section);
            String line = section.substring(at, section.indexOf('\n', at));
            assertTrue(line.contains("| `" + batching.sentenceStart() + "`"),
                    () -> "--mode " + batching.id() + " starts after " + batching.sentenceStart() + ", the page says: " + line);
        }
    }
}
