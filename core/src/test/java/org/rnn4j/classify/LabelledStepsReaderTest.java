package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;

/** tokens<TAB>labels rows: one label per token, and a refusal with the line and both counts when they differ. */
class LabelledStepsReaderTest {

    @TempDir
    Path temp;

    @Test
    void eachRowIsASequenceWithOneLabelPerToken() throws IOException {
        Path file = write("The  cat sat .\tDET NOUN VERB PUNCT\n\n Dogs bark\t NOUN  VERB \n");
        assertEquals(List.of(new LabelledSteps(List.of("The", "cat", "sat", "."), List.of("DET", "NOUN", "VERB", "PUNCT"), file + ":1"),
                new LabelledSteps(List.of("Dogs", "bark"), List.of("NOUN", "VERB"), file + ":3")), LabelledStepsReader.read(file));
    }

    @Test
    void countsThatDifferAreRefusedWithTheLineAndBothCounts() throws IOException {
        Path file = write("a b\tX Y\na b c\tX Y\n");
        assertRefused(file, file + ":2: 3 token(s) but 2 label(s); give exactly one label per token, both separated by spaces");
        Path extraTab = write("a\tX\tY\n");
        assertRefused(extraTab, extraTab + ":1: 1 token(s) but 2 label(s); give exactly one label per token, both separated by spaces");
    }

    @Test
    void aRowWithoutATabOrTokensIsRefusedWithItsLine() throws IOException {
        Path noTab = write("a\tX\n\nb Y\n");
        assertRefused(noTab, noTab + ":3: no tab between the tokens and the labels; write each sequence as tokens<TAB>labels");
        Path noTokens = write("  \tX\n");
        assertRefused(noTokens, noTokens + ":1: no token before the tab; write each sequence as tokens<TAB>labels");
        Path blank = write("\n\n");
        assertRefused(blank, blank + " has no sequences, only blank lines; write each sequence as tokens<TAB>labels");
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(temp, "steps", ".tsv"), text, StandardCharsets.UTF_8);
    }

    private static void assertRefused(Path file, String message) {
        assertEquals(message, assertThrows(InvalidInputException.class, () -> LabelledStepsReader.read(file)).getMessage());
    }
}
