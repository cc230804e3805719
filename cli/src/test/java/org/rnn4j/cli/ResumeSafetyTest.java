package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rnn4j.cli.BadInputTest.assertRefused;
import static org.rnn4j.cli.BadInputTest.assertUnchanged;
import static org.rnn4j.cli.BadInputTest.contents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.train.Checkpoint;
import org.rnn4j.train.Trainer;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A resumed run is the run its checkpoint records: the model, tokenizer, split and text come from the
 * checkpoint, an option that contradicts it is refused, and another text needs --allow-new-text.
 */
class ResumeSafetyTest {

    @TempDir
    Path temp;

    @Test
    void theSplitComesFromTheCheckpoint() throws IOException {
        Path text = copyOfSonnets();
        String[] split = {"--train-frac", "0.5", "--val-frac", "0.05", "--seed", "3"};
        Path whole = temp.resolve("whole");
        Path resumed = temp.resolve("resumed");
        Cli.trainTiny(text, whole, with(split, "--max-steps", "30")).ok();
        Cli.trainTiny(text, resumed, with(split, "--max-steps", "15")).ok();

        Cli.run("train", "--resume", resumed.resolve(Trainer.LATEST).toString(), "--text", text.toString(), "--max-steps", "30",
                "--threads", "1").ok();

        Map<String, int[]> expected = Cli.floatBits(whole.resolve(Trainer.LATEST));
        Map<String, int[]> actual = Cli.floatBits(resumed.resolve(Trainer.LATEST));
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), "bits of " + name + ": the resumed run read the same split");
        }
        assertEquals(0.5, Checkpoint.load(resumed.resolve(Trainer.LATEST)).source().trainFraction());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--train-frac, 0.9, 0.5", "--rnn-size, 64, 32", "--cell, gru, lstm", "--level, word, char", "--seq-length, 8, 16",
            "--optimizer, sgd, adam", "--seed, 1, 42", "--dropout, 0.5, 0.25", "--embedding-dropout, 0.5, 0.0"})
    void anOptionThatContradictsTheCheckpointIsRefused(String option, String asked, String recorded) throws IOException {
        Path run = trainedRun("--train-frac", "0.5");
        Map<String, byte[]> before = contents(run);
        Cli.Result result = Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), option, asked, "--max-steps", "40");
        assertRefused(result, 2, option + " " + asked + " contradicts", "whose run has " + option + " " + recorded,
                "drop the option", "start a new run");
        assertEquals("", result.out());
        assertUnchanged(before, run);
    }

    /**
     * The multiplicative RNN's factor count is recorded, whether given or the default (the hidden size), and
     * another is refused; --factors on a run whose cell has no factors is refused too.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"'--factors 6', 6", "'', 32"})
    void theFactorsAreRecordedAndAnotherCountIsRefused(String factors, int recorded) throws IOException {
        Path run = trainedRun(with(factors.isEmpty() ? new String[0] : factors.split(" "), "--cell", "mrnn"));
        Path latest = run.resolve(Trainer.LATEST);
        assertEquals(Map.of("factors", recorded), Checkpoint.load(latest).model().cell().settings(32));
        assertTrue(Cli.run("inspect", latest.toString()).ok().out().contains("model        mrnn (factors " + recorded + "), "));
        Map<String, byte[]> before = contents(run);
        assertRefused(Cli.run("train", "--resume", latest.toString(), "--factors", "7", "--max-steps", "40"), 2,
                "--factors 7 contradicts", "whose run has --factors " + recorded);
        assertUnchanged(before, run);
        Cli.run("train", "--resume", latest.toString(), "--factors", Integer.toString(recorded), "--max-steps", "25",
                "--threads", "1").ok();
        assertEquals(25, Checkpoint.load(latest).trainingState().step());
    }

    @Test
    void factorsOnARunWithoutThemAreRefused() throws IOException {
        Path run = trainedRun();
        Map<String, byte[]> before = contents(run);
        assertRefused(Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--factors", "7", "--max-steps", "40"),
                2, "--factors sets the factor count of --cell mrnn; --cell lstm has no factors: drop --factors");
        assertUnchanged(before, run);
    }

    @Test
    void learningTheInitialStateOfARunThatStartsFromZeroIsRefused() throws IOException {
        Path run = trainedRun();
        Map<String, byte[]> before = contents(run);
        Cli.Result result = Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--learn-initial-state",
                "--max-steps", "40");
        assertRefused(result, 2, "--learn-initial-state true contradicts", "whose run has --learn-initial-state false",
                "start a new run");
        assertUnchanged(before, run);
    }

    @Test
    void anOptionThatAgreesWithTheCheckpointIsAccepted() throws IOException {
        Path run = trainedRun();
        Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--rnn-size", "32", "--cell", "lstm",
                "--max-steps", "30", "--threads", "1").ok();
        assertEquals(30, Checkpoint.load(run.resolve(Trainer.LATEST)).trainingState().step());
    }

    @Test
    void aPresetIsRefused() throws IOException {
        Path run = trainedRun();
        assertRefused(Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--preset", "ptb-small"), 2,
                "--preset starts a new run", "drop --preset");
    }

    @Test
    void theTextDefaultsToTheRecordedOne() throws IOException {
        Path text = copyOfSonnets();
        Path run = temp.resolve("run");
        Cli.trainTiny(text, run, "--max-steps", "20").ok();
        Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--max-steps", "30", "--threads", "1").ok();
        assertEquals(30, Checkpoint.load(run.resolve(Trainer.LATEST)).trainingState().step());

        Files.delete(text);
        Map<String, byte[]> before = contents(run);
        assertRefused(Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--max-steps", "40"), 2,
                "was trained on " + text.toAbsolutePath(), "no longer there", "give that text with --text");
        assertUnchanged(before, run);
    }

    @Test
    void anotherTextIsRefusedWithoutAllowNewText() throws IOException {
        Path run = trainedRun();
        Path other = Files.writeString(temp.resolve("other.txt"), reversedLines(Files.readString(Cli.sonnets())), StandardCharsets.UTF_8);
        Map<String, byte[]> before = contents(run);
        Cli.Result result = Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--text", other.toString(),
                "--max-steps", "40");
        assertRefused(result, 2, other + " is not the text", "was trained on", "sha256", "--allow-new-text");
        assertUnchanged(before, run);
    }

    @Test
    void anotherTextWithAllowNewTextStartsAFreshBestRecord() throws IOException {
        Path run = trainedRun();
        Path other = Files.writeString(temp.resolve("other.txt"), reversedLines(Files.readString(Cli.sonnets())), StandardCharsets.UTF_8);
        Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--text", other.toString(), "--allow-new-text",
                "--max-steps", "30", "--threads", "1").ok();

        Checkpoint latest = Checkpoint.load(run.resolve(Trainer.LATEST));
        assertEquals(other.toAbsolutePath().toString(), latest.source().text().source(), "the checkpoint records the new text");
        // the first evaluation on the new text (step 30) is the best of the new record, whatever the old best was
        assertEquals(30, Checkpoint.load(run.resolve(Trainer.BEST)).trainingState().step());
        assertEquals(latest.trainingState().bestValidationLoss(), lastValidationLoss(run), 1e-6);
    }

    @Test
    void theLearningRateMayChange() throws IOException {
        Path run = trainedRun();
        Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString(), "--learning-rate", "0.0005", "--max-steps", "30",
                "--log-every", "1", "--threads", "1").ok();
        Object lr = Cli.metrics(run).stream().filter(r -> ((Number) r.get("step")).longValue() == 21 && r.containsKey("lr"))
                .findFirst().orElseThrow().get("lr");
        assertEquals(0.0005, ((Number) lr).doubleValue(), 1e-9);
    }

    @Test
    void aRunThatReachedItsLimitSaysWhichToRaise() throws IOException {
        Path run = trainedRun();
        assertRefused(Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString()), 2,
                "already reached its --max-steps 20", "raise --max-steps");
    }

    @Test
    void aFinishedWordRunIsRefusedBeforeAnythingIsPrinted() {
        Path run = temp.resolve("words");
        Cli.trainTiny(Cli.sonnets(), run, "--level", "word", "--max-steps", "10").ok();
        Cli.Result result = Cli.run("train", "--resume", run.resolve(Trainer.LATEST).toString());
        assertRefused(result, 2, "already reached its --max-steps 10");
        assertEquals("", result.out(), "no corpus report before the refusal");
    }

    @Test
    void allowNewTextWithoutResumeIsRefused() {
        assertRefused(Cli.trainTiny(Cli.sonnets(), temp.resolve("run"), "--allow-new-text", "--max-steps", "5"), 2,
                "--allow-new-text applies to --resume");
        assertTrue(!temp.resolve("run").toFile().exists(), "no run folder");
    }

    @Test
    void everyTrainOptionIsEitherRecordedOrMayChange() {
        Set<String> classified = new HashSet<>(ResumedRun.RECORDED.keySet());
        classified.addAll(ResumedRun.MAY_CHANGE);
        classified.addAll(List.of("--text", "--valid-text", "--resume", "--allow-new-text", "--preset", "--help", "--version"));
        List<String> unclassified = new ArrayList<>();
        for (OptionSpec option : new CommandLine(new TrainCommand()).getCommandSpec().options()) {
            if (Collections.disjoint(classified, List.of(option.names()))) {
                unclassified.add(option.longestName());
            }
        }
        assertEquals(List.of(), unclassified, "options that resume neither checks nor lets change");
        assertEquals(String.join(", ", ResumedRun.MAY_CHANGE), ResumedRun.MAY_CHANGE_HELP);
        assertTrue(Cli.run("train", "--help").ok().out().replaceAll("\\s+", " ").contains(ResumedRun.MAY_CHANGE_HELP),
                "--help lists the options that may change on resume");
    }

    /** A finished 20-step run of the tiny model on the sonnets, with {@code options}. */
    private Path trainedRun(String... options) {
        Path run = temp.resolve("run");
        Cli.trainTiny(Cli.sonnets(), run, with(options, "--max-steps", "20")).ok();
        return run;
    }

    private Path copyOfSonnets() throws IOException {
        return Files.copy(Cli.sonnets(), temp.resolve("sonnets.txt"));
    }

    private static String[] with(String[] options, String... more) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** The same characters in another order: a text that fits the vocabulary but is not the one trained on. */
    private static String reversedLines(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        Collections.reverse(lines);
        return String.join("\n", lines) + "\n";
    }

    private static double lastValidationLoss(Path run) {
        return Cli.metrics(run).stream().filter(r -> r.containsKey("val_loss"))
                .reduce((first, second) -> second).map(r -> ((Number) r.get("val_loss")).doubleValue()).orElseThrow();
    }
}
