package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.train.Checkpoint;

/** A learning rate of 1000 without clipping blows the loss up; the run stops with one line and keeps its last good checkpoint. */
class DivergenceTest {

    private static final String[] EXPLODING = {"--learning-rate", "1000", "--grad-clip", "0", "--optimizer", "sgd", "--max-steps", "50"};

    @TempDir
    Path temp;

    @Test
    void divergenceBeforeAnyCheckpoint() {
        Path out = temp.resolve("run");
        Cli.Result result = Cli.trainTiny(Cli.sonnets(), out, EXPLODING);
        BadInputTest.assertRefused(result, Main.FAILED, "training diverged at step", "no checkpoint was written yet",
                "lower the learning rate");
        assertFalse(Files.exists(out.resolve("checkpoint.safetensors")));
        assertEquals(List.of(), Cli.temporaryFiles(out));
    }

    @Test
    void divergenceKeepsTheLastGoodCheckpoint() {
        Path out = temp.resolve("run");
        String[] checkpointEveryStep = Arrays.copyOf(EXPLODING, EXPLODING.length + 2);
        checkpointEveryStep[EXPLODING.length] = "--eval-every";
        checkpointEveryStep[EXPLODING.length + 1] = "1";
        Cli.Result result = Cli.trainTiny(Cli.sonnets(), out, checkpointEveryStep);
        BadInputTest.assertRefused(result, Main.FAILED, "training diverged at step 2", "the last good checkpoint is",
                "checkpoint.safetensors (step 1)");
        Checkpoint kept = Checkpoint.load(out.resolve("checkpoint.safetensors"));
        assertEquals(1, kept.trainingState().step());
        for (float value : kept.tensors().get("decoder.weight").floats()) {
            assertFalse(Float.isNaN(value) || Float.isInfinite(value), "finite weights");
        }
        Cli.run("sample", "--checkpoint", out.resolve("checkpoint.safetensors").toString(), "--length", "20").ok();
        assertEquals(List.of(), Cli.temporaryFiles(out));
    }
}
