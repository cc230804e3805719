package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.text.CorpusFile;
import org.rnn4j.text.TokenFile;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.Trainer;

/**
 * {@code train} tokenizes its text once into the run folder, named by the text's fingerprint; a resumed run
 * reads that file again instead of the text's tokens, and one that finds it damaged writes it anew, with
 * the same result either way.
 */
class CorpusTokensTest {

    @TempDir
    Path temp;

    @Test
    void aResumedRunReadsTheTokenFileAgainAndTrainsAsIfNeverStopped() throws IOException {
        Path whole = temp.resolve("whole");
        Path split = temp.resolve("split");
        Cli.trainTiny(Cli.sonnets(), whole, "--max-steps", "30").ok();
        String first = Cli.trainTiny(Cli.sonnets(), split, "--max-steps", "15").ok().out();
        Path tokens = tokenFile(split);
        assertTrue(first.contains("tokens: " + tokens + ", 1 byte each (tokenized now)"), first);
        byte[] bytes = Files.readAllBytes(tokens);
        FileTime written = Files.getLastModifiedTime(tokens);

        String resumed = resume(split, 30);

        assertTrue(resumed.contains("tokens: " + tokens + ", 1 byte each (tokenized before, read again)"), resumed);
        assertArrayEquals(bytes, Files.readAllBytes(tokens));
        assertEquals(written, Files.getLastModifiedTime(tokens), "not written again");
        assertSameWeights(whole, split);
    }

    @Test
    void aDamagedTokenFileIsWrittenAnew() throws IOException {
        Path whole = temp.resolve("whole");
        Path split = temp.resolve("split");
        Cli.trainTiny(Cli.sonnets(), whole, "--max-steps", "30").ok();
        Cli.trainTiny(Cli.sonnets(), split, "--max-steps", "15").ok();
        Path tokens = tokenFile(split);
        byte[] bytes = Files.readAllBytes(tokens);
        Files.write(tokens, Arrays.copyOf(bytes, bytes.length - 10));

        assertTrue(resume(split, 30).contains("(tokenized now)"));

        assertArrayEquals(bytes, Files.readAllBytes(tokens));
        assertSameWeights(whole, split);
    }

    @Test
    void aWordModelReadsItsTokenFileAgain() throws IOException {
        Path run = temp.resolve("words");
        String[] words = {"--level", "word", "--tokenizer", "whitespace", "--vocab-size", "500", "--max-steps", "10"};
        String first = Cli.trainTiny(Cli.sonnets(), run, words).ok().out();
        Path tokens = tokenFile(run);
        try (TokenFile file = TokenFile.open(tokens).orElseThrow()) {
            assertEquals(2, file.width(), "a vocabulary of 503 needs 2 bytes a token");
        }
        FileTime written = Files.getLastModifiedTime(tokens);

        String resumed = resume(run, 20);

        assertTrue(resumed.contains("(tokenized before, read again)"), resumed);
        assertEquals(written, Files.getLastModifiedTime(tokens));
        String wordsLine = first.lines().filter(line -> line.startsWith("words: ")).findFirst().orElseThrow();
        assertTrue(resumed.contains(wordsLine), "the same sentences and tokens: " + wordsLine + "\n" + resumed);
    }

    private static String resume(Path run, int steps) {
        return Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--max-steps", Integer.toString(steps),
                "--threads", "1").ok().out();
    }

    /** The one token file of a run, named by its text's fingerprint. */
    private static Path tokenFile(Path run) throws IOException {
        Checkpoint checkpoint = Checkpoint.load(run.resolve(Trainer.LATEST));
        Path expected = CorpusFile.path(run, checkpoint.source().text());
        try (Stream<Path> files = Files.list(run)) {
            assertEquals(List.of(expected), files.filter(file -> file.toString().endsWith(TokenFile.SUFFIX)).toList());
        }
        return expected;
    }

    private static void assertSameWeights(Path whole, Path split) {
        Map<String, int[]> expected = Cli.floatBits(whole.resolve(Trainer.LATEST));
        Map<String, int[]> actual = Cli.floatBits(split.resolve(Trainer.LATEST));
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), "bits of " + name);
        }
    }
}
