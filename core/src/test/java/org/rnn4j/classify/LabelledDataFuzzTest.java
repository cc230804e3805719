package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.rnn4j.InputContract;

/**
 * Coverage-guided fuzzing of the two labelled-data files a user hands rnn4j classify and rnn4j label: each is
 * read or refused in one line. An accepted label<TAB>text file gives examples with a label and a text that
 * are non-empty and trimmed (and a stratified split of them is made or refused in one line); an accepted
 * tokens<TAB>labels file gives sequences with as many labels as tokens, none empty or holding whitespace.
 */
class LabelledDataFuzzTest {

    private static Path file;

    @BeforeAll
    static void makeFile() throws Exception {
        file = InputContract.scratchFile("labelled.tsv");
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void texts(byte[] input) throws Exception {
        Files.write(file, input);
        InputContract.parsesOrRefuses(() -> {
            List<LabelledText> examples = LabelledTextReader.read(file, List.of());
            for (LabelledText example : examples) {
                assertFalse(example.label().isEmpty() || example.text().isEmpty(), example::toString);
                assertEquals(example.label().strip(), example.label());
                assertEquals(example.text().strip(), example.text());
                assertTrue(example.origin().startsWith(file + ":"), example.origin());
            }
            List<String> labels = examples.stream().map(LabelledText::label).distinct().sorted().toList();
            int[] classOf = examples.stream().mapToInt(e -> labels.indexOf(e.label())).toArray();
            StratifiedSplit split = StratifiedSplit.of(classOf, labels, 0.2, 1);
            assertEquals(examples.size(), split.train().length + split.validation().length);
        });
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void steps(byte[] input) throws Exception {
        Files.write(file, input);
        InputContract.parsesOrRefuses(() -> {
            for (LabelledSteps sequence : LabelledStepsReader.read(file)) {
                assertTrue(sequence.steps() > 0);
                assertEquals(sequence.tokens().size(), sequence.labels().size());
                for (String word : sequence.tokens()) {
                    assertFalse(word.isEmpty() || word.chars().anyMatch(Character::isWhitespace), word);
                }
                for (String word : sequence.labels()) {
                    assertFalse(word.isEmpty() || word.chars().anyMatch(Character::isWhitespace), word);
                }
            }
        });
    }
}
