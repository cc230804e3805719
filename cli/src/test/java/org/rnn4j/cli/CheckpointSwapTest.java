package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint replaced while {@code eval} and {@code sample} read it, the way training replaces it (a
 * complete file renamed over the old one): every command sees the old model or the new one, never a crash,
 * never a mix of the two.
 */
class CheckpointSwapTest {

    private static final int READS = 25;

    @TempDir
    Path temp;

    @Test
    void readersSeeTheOldOrTheNewModelNeverAMix() throws Exception {
        Path run = temp.resolve("run");
        Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "10").ok();
        Path older = Files.copy(run.resolve("checkpoint.safetensors"), temp.resolve("older.safetensors"));
        Cli.run("train", "--resume", run.resolve("checkpoint.safetensors").toString(), "--max-steps", "20", "--threads", "1").ok();
        Path newer = Files.copy(run.resolve("checkpoint.safetensors"), temp.resolve("newer.safetensors"));
        List<Path> models = List.of(older, newer);
        List<String> losses = models.stream().map(CheckpointSwapTest::eval).toList();
        List<String> samples = models.stream().map(CheckpointSwapTest::sample).toList();
        assertNotEquals(losses.get(0), losses.get(1), "the two models tell apart");
        assertNotEquals(samples.get(0), samples.get(1), "the two models tell apart");

        Path shared = Files.createDirectories(temp.resolve("shared")).resolve("model.safetensors");
        Files.copy(older, shared);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger swaps = new AtomicInteger();
        AtomicReference<Exception> swapFailure = new AtomicReference<>();
        Thread swapper = Thread.ofPlatform().start(() -> {
            try {
                while (!done.get()) {
                    Path next = shared.resolveSibling(".model.safetensors.next");
                    Files.copy(models.get(swaps.get() % 2 == 0 ? 1 : 0), next, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(next, shared, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    swaps.incrementAndGet();
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                swapFailure.set(e);
            }
        });
        Map<String, Integer> seen = new TreeMap<>();
        try {
            for (int i = 0; i < READS; i++) {
                String loss = eval(shared);
                assertTrue(losses.contains(loss), "read " + loss + ", which is neither model's " + losses);
                seen.merge("eval " + losses.indexOf(loss), 1, Integer::sum);
                String sample = sample(shared);
                assertTrue(samples.contains(sample), "sampled a text neither model gives:\n" + sample);
                seen.merge("sample " + samples.indexOf(sample), 1, Integer::sum);
            }
        } finally {
            done.set(true);
            swapper.join();
        }
        if (swapFailure.get() != null) {
            throw swapFailure.get();
        }
        assertTrue(swaps.get() > READS, "the file was replaced while it was read: " + swaps.get() + " times");
        System.out.printf("checkpoint swap: %d replacements during %d evals and %d samples; models seen %s%n",
                swaps.get(), READS, READS, seen);
    }

    private static String eval(Path checkpoint) {
        String out = Cli.run("eval", "--checkpoint", checkpoint.toString(), "--text", Cli.sonnets().toString(), "--threads", "1").ok().out();
        return out.lines().filter(line -> line.startsWith("loss ")).findFirst().orElseThrow(() -> new AssertionError("no loss in:\n" + out));
    }

    private static String sample(Path checkpoint) {
        return Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "60", "--seed", "3", "--threads", "1").ok().out();
    }
}
