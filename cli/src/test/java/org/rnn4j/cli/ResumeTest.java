package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.model.InitialState;
import org.rnn4j.train.Checkpoint;

/** The key promise: 20 steps, a resume, 20 more steps is bit for bit the same run as 40 steps in one go. */
class ResumeTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void resumedRunEqualsUninterruptedRun(int threads) {
        assertResumedRunEqualsUninterruptedRun(threads, "--dropout", "0.1", "--num-layers", "2");
    }

    /** A learned initial state, over an epoch boundary (24 windows an epoch), where the state is reset to it again. */
    @Test
    void aLearnedInitialStateResumesBitForBit() {
        assertResumedRunEqualsUninterruptedRun(2, "--learn-initial-state", "--train-frac", "0.3", "--cell", "gru");
        assertEquals(InitialState.LEARNED, Checkpoint.load(temp.resolve("split").resolve("checkpoint.safetensors")).model().initialState());
    }

    private void assertResumedRunEqualsUninterruptedRun(int threads, String... model) {
        Path whole = temp.resolve("whole");
        Path split = temp.resolve("split");
        List<String> all = new ArrayList<>(List.of(model));
        all.addAll(List.of("--log-every", "1", "--seed", "7", "--threads", Integer.toString(threads)));
        String[] options = all.toArray(String[]::new);

        train(whole, 40, options);
        train(split, 20, options);
        Cli.run("train", "--resume", split.resolve("checkpoint.safetensors").toString(), "--text", Cli.sonnets().toString(),
                "--max-steps", "40", "--threads", Integer.toString(threads)).ok();

        Map<String, int[]> expected = Cli.floatBits(whole.resolve("checkpoint.safetensors"));
        Map<String, int[]> actual = Cli.floatBits(split.resolve("checkpoint.safetensors"));
        assertEquals(expected.keySet(), actual.keySet(), "same tensors");
        assertTrue(expected.keySet().stream().anyMatch(name -> name.startsWith("optim.")), "optimizer moments saved");
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), "bits of " + name);
        }
        assertEquals(40, Checkpoint.load(split.resolve("checkpoint.safetensors")).trainingState().step());

        List<Long> everyStep = LongStream.rangeClosed(21, 40).boxed().toList();
        assertEquals(losses(whole, "train_loss", everyStep), losses(split, "train_loss", everyStep), "train_loss of steps 21..40");
        assertEquals(losses(whole, "smooth_loss", everyStep), losses(split, "smooth_loss", everyStep), "smooth_loss of steps 21..40");
        assertEquals(losses(whole, "val_loss", List.of(30L, 40L)), losses(split, "val_loss", List.of(30L, 40L)), "val_loss");
    }

    @Test
    void theResumeCommandPrintedAtTheEndWorks() {
        Path out = temp.resolve("run");
        String printed = Cli.trainTiny(Cli.sonnets(), out, "--max-steps", "10").ok().out();
        String prefix = "resume training: rnn4j ";
        String command = printed.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no resume hint in:\n" + printed)).substring(prefix.length());
        assertTrue(command.endsWith(" --max-steps 20"), "the hint raises the limit that stopped the run: " + command);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--threads", "1"));
        Cli.run(args.toArray(String[]::new)).ok();
        assertEquals(20, Checkpoint.load(out.resolve("checkpoint.safetensors")).trainingState().step());
    }

    private static void train(Path out, int steps, String... options) {
        String[] extra = new String[options.length + 2];
        extra[0] = "--max-steps";
        extra[1] = Integer.toString(steps);
        System.arraycopy(options, 0, extra, 2, options.length);
        Cli.trainTiny(Cli.sonnets(), out, extra).ok();
    }

    /** step → value of {@code key} in a run's metrics past step 20, which must be logged at exactly {@code steps}. */
    private static Map<Long, Object> losses(Path run, String key, List<Long> steps) {
        Map<Long, Object> losses = new LinkedHashMap<>();
        List<Map<String, Object>> metrics = Cli.metrics(run);
        for (Map<String, Object> record : metrics) {
            long step = ((Number) record.get("step")).longValue();
            if (step > 20 && record.containsKey(key)) {
                losses.put(step, record.get(key));
            }
        }
        assertEquals(steps, List.copyOf(losses.keySet()), key + " steps in " + run);
        return losses;
    }
}
