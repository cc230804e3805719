package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.train.Checkpoint;

/**
 * A disk that fills up during a save: the run folder lies on a memory file system (tmpfs) that holds two
 * checkpoints and a half, so the run's second save finds no space. The run stops with one line that names the
 * cause, the checkpoint of the first save is intact, no temporary file is left, and once there is space again
 * the run resumes. Skipped where this process may not mount a tmpfs (it needs Linux and root).
 */
class DiskFullTest {

    @TempDir
    Path temp;

    private Path disk;

    @AfterEach
    void unmount() throws Exception {
        if (disk != null) {
            new ProcessBuilder("umount", disk.toString()).inheritIO().start().waitFor();
        }
    }

    @Test
    void aFullDiskStopsTheRunWithOneLineAndKeepsTheLastCheckpoint() throws Exception {
        Path measured = temp.resolve("measured");
        Cli.trainTiny(Cli.sonnets(), measured, "--max-steps", "10").ok();
        long checkpointBytes = Files.size(measured.resolve("checkpoint.safetensors"));
        Path folder = Files.createDirectories(temp.resolve("disk"));
        String refusal = mount(folder, "size=" + checkpointBytes * 5 / 2);
        Assumptions.assumeTrue(refusal == null, () -> "cannot mount a small tmpfs here (" + refusal + ")");
        disk = folder;

        Path run = disk.resolve("run");
        Cli.Result full = Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "100");
        assertNotEquals(0, full.exitCode(), full.out());
        assertEquals(1, full.errLines().size(), "one line:\n" + full.err());
        assertTrue(full.err().startsWith("rnn4j: ") && full.err().contains("No space left on device"), full.err());
        Path latest = run.resolve("checkpoint.safetensors");
        assertEquals(10, Checkpoint.load(latest).trainingState().step(), "the first save is intact");
        Checkpoint.load(run.resolve("best.safetensors"));
        assertEquals(List.of(), Cli.temporaryFiles(run));

        assertEquals(null, mount(disk, "remount,size=" + checkpointBytes * 8));
        Cli.run("train", "--resume", latest.toString(), "--max-steps", "30", "--threads", "1").ok();
        assertEquals(30, Checkpoint.load(latest).trainingState().step());
    }

    /** Mounts (or with "remount,…" resizes) a tmpfs on {@code folder}; null when done, else why not. */
    private static String mount(Path folder, String options) throws InterruptedException {
        if (!System.getProperty("os.name").equals("Linux")) {
            return "not Linux";
        }
        try {
            Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                    .redirectErrorStream(true).start();
            String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return mount.waitFor() == 0 ? null : output.lines().findFirst().orElse("mount failed");
        } catch (IOException e) {
            return "no mount command: " + e.getMessage();
        }
    }
}
