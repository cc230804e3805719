package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.train.Checkpoint;

/** What a training run does at its limits: a model too large for memory, a run folder in use, a run too short to log. */
class RunLimitsTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "--rnn-size {0}")
    @ValueSource(strings = {"25000", "100000"})
    void aModelTooLargeForAnArrayIsRefusedAtOnce(String rnnSize) {
        Path out = temp.resolve("run");
        long start = System.nanoTime();
        Cli.Result result = Cli.trainTiny(Cli.sonnets(), out, "--rnn-size", rnnSize);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertRefusedAtOnce(result, seconds, out);
        assertTrue(result.err().contains("the parameters") && result.err().contains("one Java array holds"), result.err());
    }

    @Test
    void aModelLargerThanTheHeapIsRefusedAtOnce() {
        // one 12000-unit LSTM layer: 5.8e8 parameters, so four (P) buffers of floats take 9.3 GB
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < 9L << 30, "the heap could hold the model");
        Path out = temp.resolve("run");
        long start = System.nanoTime();
        Cli.Result result = Cli.trainTiny(Cli.sonnets(), out, "--rnn-size", "12000");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertRefusedAtOnce(result, seconds, out);
        assertTrue(result.err().contains("JAVA_OPTS=-Xmx") || result.err().contains("of memory;"), result.err());
    }

    /**
     * A heap too small for what a run holds beyond its model (here the distinct words of a word corpus) ends in
     * one line that names the heap and how to raise it, exit code 1, and no run folder.
     */
    @Test
    void runningOutOfHeapSaysHowToRaiseIt() throws Exception {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 400_000; i++) {
            words.append("word").append(i).append(i % 12 == 11 ? " .\n" : " ");
        }
        Path text = Files.writeString(temp.resolve("distinct.txt"), words);
        Path out = temp.resolve("run");
        List<String> command = new ArrayList<>(Cli.processCommand());
        if (!command.getFirst().endsWith("rnn4j")) {
            command.add(1, "-Xmx24m");                                        // java itself, with the launcher's options
        }
        command.addAll(List.of("train", "--text", text.toString(), "--out", out.toString(), "--level", "word", "--tokenizer",
                "whitespace", "--max-steps", "1", "--threads", "1"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(Cli.repoRoot().toFile());
        builder.environment().put("JAVA_OPTS", "-Xmx24m");                     // the launcher's way
        Process process = builder.redirectOutput(temp.resolve("stdout.txt").toFile()).redirectError(temp.resolve("stderr.txt").toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the run ends");
        List<String> err = Files.readAllLines(temp.resolve("stderr.txt")).stream().filter(line -> line.startsWith("rnn4j: ")).toList();
        assertEquals(1, process.exitValue(), String.join("\n", err));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.getFirst().startsWith("rnn4j: out of memory: the Java heap of ") && err.getFirst().contains(" MB is full; raise it"
                + " with JAVA_OPTS=-Xmx1g"), err.getFirst());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void theOutOfMemoryMessageAsksForTwiceTheHeap() {
        assertEquals("out of memory: the Java heap of 2.0 GB is full; raise it with JAVA_OPTS=-Xmx4g (the launcher's default is"
                + " 2 GB, or half the machine's memory when that is less)", Main.outOfMemory(2L << 30));
        assertTrue(Main.outOfMemory(50L << 20).startsWith("out of memory: the Java heap of 50 MB is full; raise it with JAVA_OPTS=-Xmx1g"));
    }

    private static void assertRefusedAtOnce(Cli.Result result, double seconds, Path out) {
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("rnn4j: the model needs ") && result.err().contains(" GB for training"), result.err());
        assertTrue(result.err().contains("--rnn-size, --num-layers, --batch-size, --seq-length"), result.err());
        assertEquals("", result.out());
        assertTrue(seconds < 10, "refused after " + seconds + " s");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aRunFolderHeldByAnotherTrainingIsRefused() throws IOException {
        Path run = Files.createDirectory(temp.resolve("run"));
        try (FileChannel channel = FileChannel.open(run.resolve(RunFolder.LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock()) {
            Cli.Result result = Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "5");
            assertEquals(2, result.exitCode(), result.err());
            assertEquals(List.of("rnn4j: " + run + " is in use by another training run; wait for it to end or choose another --out folder"),
                    result.errLines());
            assertEquals("", result.out());
            assertTrue(held.isValid(), "the holder keeps its lock");
        }
        assertEquals(List.of(RunFolder.LOCK_FILE), files(run), "nothing written");
    }

    @Test
    void aSecondTrainingIntoARunningOnesFolderIsRefusedAndAKilledOnesLockBlocksNothing() throws Exception {
        Path run = temp.resolve("run");
        List<String> command = new ArrayList<>(Cli.processCommand());
        command.addAll(List.of("train", "--text", Cli.sonnets().toString(), "--out", run.toString(), "--rnn-size", "32",
                "--num-layers", "1", "--batch-size", "4", "--seq-length", "16", "--max-steps", "100000", "--eval-every", "100000",
                "--sample-every", "0", "--threads", "1"));
        Process first = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Cli.awaitMetricsLines(run, 2, first);
            List<String> before = Files.readAllLines(run.resolve("metrics.jsonl"));
            Cli.Result second = Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "5", "--log-every", "1");
            assertEquals(2, second.exitCode(), second.err());
            assertTrue(second.err().startsWith("rnn4j: " + run + " is in use by another training run"), second.err());
            assertEquals("", second.out());
            List<String> after = Files.readAllLines(run.resolve("metrics.jsonl"));
            assertEquals(before, after.subList(0, before.size()), "the second run wrote no metrics");
        } finally {
            first.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, the lock file stays behind
        }
        assertTrue(Files.exists(run.resolve(RunFolder.LOCK_FILE)));
        Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "5").ok();
        assertEquals(5, Checkpoint.load(run.resolve("checkpoint.safetensors")).trainingState().step());
    }

    @Test
    void aLeftoverLockFileBlocksNothing() throws IOException {
        Path run = Files.createDirectory(temp.resolve("run"));
        Files.writeString(run.resolve(RunFolder.LOCK_FILE), "");
        Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "5").ok();
        Cli.run("train", "--resume", run.resolve("checkpoint.safetensors").toString(), "--text", Cli.sonnets().toString(),
                "--max-steps", "10", "--threads", "1").ok();
        assertEquals(10, Checkpoint.load(run.resolve("checkpoint.safetensors")).trainingState().step());
    }

    @Test
    void aRunThatLoggedNoStepEndsWithItsSummary() throws IOException {
        Path text = Files.writeString(temp.resolve("ten.txt"), "abcdefghij");
        Path run = temp.resolve("run");
        Cli.Result result = Cli.run("train", "--text", text.toString(), "--out", run.toString(), "--batch-size", "1", "--seq-length", "4",
                "--rnn-size", "8", "--num-layers", "1", "--max-steps", "5", "--threads", "1");

        result.ok();
        assertTrue(result.out().contains("stopped after 5 steps"), result.out());
        assertTrue(result.out().contains("note: no loss plot: the run logged no loss"), result.out());
        assertEquals(List.of("rnn4j: warning: the validation split has only 1 character (fewer than 100), so its loss says little"
                + " and none is measured; give a longer text, a larger --val-frac or a --valid-text"), result.errLines());
        assertTrue(Files.exists(run.resolve("checkpoint.safetensors")));
        assertFalse(Files.exists(run.resolve(LossPlot.FILE_NAME)));
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
