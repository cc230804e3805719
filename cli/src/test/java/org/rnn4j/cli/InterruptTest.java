package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.train.Checkpoint;

/**
 * Ctrl-C or SIGTERM during training: a real process gets the signal, stops after the current step, writes a
 * resumable checkpoint, the plot and its summary, and exits with 128 + the signal's number; the run then resumes,
 * bit for bit as if it had never stopped.
 *
 * <p>The process is the {@code ./rnn4j} launcher when its jar is up to date. Otherwise (a fresh checkout,
 * or sources edited since the last package) the launcher would run a nested Maven build inside this test,
 * so the JVM is started the way the launcher's {@code exec} line starts it, with the test class path.
 */
class InterruptTest {

    private static final long SIGINT_EXIT = 128 + 2;

    @TempDir
    Path temp;

    @Test
    void ctrlCSavesAResumableCheckpoint() throws Exception {
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process tree (a background job of a shell "
                + "without job control), so no child JVM can see Ctrl-C");
        Path run = temp.resolve("run");
        Path stdout = temp.resolve("stdout.txt");
        Path stderr = temp.resolve("stderr.txt");
        Path text = Files.writeString(temp.resolve("tinyshakespeare.txt"), TrainCommand.bundledCorpus(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(Cli.processCommand());
        command.addAll(List.of("train", "--text", text.toString(), "--out", run.toString(),
                "--rnn-size", "32", "--num-layers", "1", "--batch-size", "4", "--seq-length", "16",
                "--max-steps", "100000", "--eval-every", "100000", "--sample-every", "0", "--threads", "1"));
        Process process = new ProcessBuilder(command).directory(Cli.repoRoot().toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            Cli.awaitMetricsLines(run, 3, process);
            signal(process.pid(), "-INT");
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run ends within 60 s of Ctrl-C");
        } finally {
            process.destroyForcibly();
        }
        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        String report = "stdout:\n" + out + "\nstderr:\n" + Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(SIGINT_EXIT, process.exitValue(), report);
        assertTrue(out.contains(": interrupted."), "the summary says why it stopped\n" + report);

        Checkpoint saved = Checkpoint.load(run.resolve("checkpoint.safetensors"));
        long step = saved.trainingState().step();
        assertTrue(step > 0, "trained some steps");
        assertTrue(out.contains("stopped after " + step + " steps"), "the checkpoint holds the last step\n" + report);
        assertTrue(Files.size(run.resolve("loss.png")) > 1000, "the plot is drawn");
        assertEquals(List.of(), Cli.temporaryFiles(run));

        Cli.run("train", "--resume", run.resolve("checkpoint.safetensors").toString(), "--text",
                text.toString(), "--max-steps", Long.toString(step + 5), "--threads", "1").ok();
        assertEquals(step + 5, Checkpoint.load(run.resolve("checkpoint.safetensors")).trainingState().step());
    }

    /**
     * SIGTERM (as a service manager or a batch system stops a job) or SIGINT during training: the process saves a
     * checkpoint and exits with 128 + the signal's number, and the run resumed from that checkpoint ends with the
     * same bits, weights, moments and carried state alike, as a run that was never stopped.
     */
    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"TERM, 15", "INT, 2"})
    void aStoppedRunResumesBitForBitAsIfNeverStopped(String signal, int number) throws Exception {
        Assumptions.assumeFalse(signal.equals("INT") && sigintIgnored(), "SIGINT is ignored in this process tree (a "
                + "background job of a shell without job control), so no child JVM can see Ctrl-C");
        List<String> options = List.of("--text", Cli.sonnets().toString(), "--max-steps", "600", "--rnn-size", "96",
                "--num-layers", "1", "--batch-size", "4", "--seq-length", "16", "--dropout", "0.1", "--eval-every", "50",
                "--log-every", "1", "--sample-every", "0", "--seed", "5", "--threads", "1");
        Path whole = temp.resolve("whole");
        List<String> wholeRun = new ArrayList<>(List.of("train", "--out", whole.toString()));
        wholeRun.addAll(options);
        Cli.run(wholeRun.toArray(String[]::new)).ok();

        Path stopped = temp.resolve("stopped");
        List<String> command = new ArrayList<>(Cli.processCommand());
        command.addAll(List.of("train", "--out", stopped.toString()));
        command.addAll(options);
        Process process = new ProcessBuilder(command).directory(Cli.repoRoot().toFile())
                .redirectOutput(temp.resolve("stdout.txt").toFile()).redirectError(temp.resolve("stderr.txt").toFile()).start();
        try {
            Cli.awaitMetricsLines(stopped, 5, process);
            signal(process.pid(), "-" + signal);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run ends within 60 s of SIG" + signal);
        } finally {
            process.destroyForcibly();
        }
        assertEquals(128 + number, process.exitValue(), Files.readString(temp.resolve("stderr.txt"), StandardCharsets.UTF_8));
        Path latest = stopped.resolve("checkpoint.safetensors");
        long step = Checkpoint.load(latest).trainingState().step();
        assertTrue(step > 0 && step < 600, "stopped in the middle, at step " + step);

        Cli.run("train", "--resume", latest.toString(), "--threads", "1").ok();
        Map<String, int[]> expected = Cli.floatBits(whole.resolve("checkpoint.safetensors"));
        Map<String, int[]> actual = Cli.floatBits(latest);
        assertEquals(expected.keySet(), actual.keySet());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), "bits of " + name + " after a stop at step " + step);
        }
    }

    /** SIGTERM while the text is being tokenized: the process ends at once and leaves no half-written token file. */
    @Test
    void aStopWhileTheTextIsTokenizedEndsAtOnceAndLeavesNoHalfWrittenFile() throws Exception {
        Path text = temp.resolve("big.txt");
        String bundled = TrainCommand.bundledCorpus();
        try (var out = Files.newBufferedWriter(text, StandardCharsets.UTF_8)) {
            for (int copy = 0; copy < 60; copy++) { // 67 MB: the encoding pass takes long enough to be caught in it
                out.write(bundled);
            }
        }
        Path run = temp.resolve("run");
        List<String> command = new ArrayList<>(Cli.processCommand());
        command.addAll(List.of("train", "--text", text.toString(), "--out", run.toString(), "--max-steps", "5", "--threads", "1"));
        Process process = new ProcessBuilder(command).directory(Cli.repoRoot().toFile())
                .redirectOutput(temp.resolve("stdout.txt").toFile()).redirectError(temp.resolve("stderr.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Cli.temporaryFiles(run).isEmpty()) {
                Assumptions.assumeTrue(process.isAlive() && System.nanoTime() < deadline, "the token file was written before it could be seen");
                Thread.onSpinWait();
            }
            long signalled = System.nanoTime();
            signal(process.pid(), "-TERM");
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "the run ends within 10 s of SIGTERM");
            System.out.printf("SIGTERM while tokenizing 67 MB: ended after %.2f s%n", (System.nanoTime() - signalled) / 1e9);
        } finally {
            process.destroyForcibly();
        }
        assertEquals(128 + 15, process.exitValue(), Files.readString(temp.resolve("stderr.txt"), StandardCharsets.UTF_8));
        assertEquals(List.of(), Cli.temporaryFiles(run));
        try (var files = Files.list(run)) {
            assertEquals(List.of(RunFolder.LOCK_FILE), files.map(file -> file.getFileName().toString()).toList());
        }
    }

    private static void signal(long pid, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill " + signal + " " + pid);
    }

    /** True when this JVM runs with SIGINT ignored, which every child process would inherit (Linux only; else false). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                long ignored = Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16);
                return (ignored & (1L << (2 - 1))) != 0;
            }
        }
        return false;
    }
}
