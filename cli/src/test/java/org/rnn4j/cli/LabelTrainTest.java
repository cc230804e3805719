package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.head.labeller.LabelOutput;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.train.Checkpoint;

/**
 * {@code rnn4j label train}, {@code eval} and {@code predict} end to end on the running parity of 7-bit vectors, and
 * the refusals: an unknown label at eval time, a single label, a model of another kind.
 */
class LabelTrainTest {

    @TempDir
    Path temp;

    @Test
    void trainsScoresAndPredictsTheRunningParity() throws IOException {
        Path data = parity(temp.resolve("parity.tsv"), 7);
        Path run = temp.resolve("run");
        String out = Cli.run("label", "train", "--data", data.toString(), "--cell", "gru", "--rnn-size", "4", "--wordvec-size", "0",
                "--dropout", "0", "--learning-rate", "0.03", "--epochs", "60", "--patience", "0", "--out", run.toString()).ok().out();
        assertTrue(out.contains("data: 102 training and 26 validation rows"), out);
        assertTrue(out.contains("step accuracy 1.0000, sequence accuracy 1.0000"), out);
        Checkpoint checkpoint = Checkpoint.load(run.resolve("best.safetensors"));
        assertEquals(new LabellerHead(2), checkpoint.model().head());
        assertEquals(List.of("even", "odd"), checkpoint.labels());

        String model = run.resolve("best.safetensors").toString();
        String eval = Cli.run("label", "eval", "--model", model, "--data", data.toString()).ok().out();
        assertTrue(eval.contains("(128 sequences, 896 steps): step accuracy 1.0000"), eval);

        Path input = temp.resolve("bits.txt");
        Files.writeString(input, "1 1 0 1\n\n0  0 1\n");
        List<String> rows = Cli.run("label", "predict", "--model", model, input.toString()).ok().out().lines().toList();
        assertEquals(List.of("1 1 0 1\todd even even odd", "0 0 1\teven even odd"), rows);
    }

    /** Each sequence starts from the learned h₀, which training moves away from zero; eval reads it back. */
    @Test
    void aLabellerWithALearnedInitialStateLearnsTheTask() throws IOException {
        Path data = parity(temp.resolve("parity.tsv"), 7);
        Path run = temp.resolve("run");
        String out = Cli.run("label", "train", "--data", data.toString(), "--learn-initial-state", "--cell", "gru", "--rnn-size", "4",
                "--wordvec-size", "0", "--dropout", "0", "--learning-rate", "0.03", "--epochs", "60", "--patience", "0",
                "--out", run.toString()).ok().out();
        assertTrue(out.contains("(one-hot input, learned initial state)"), out);
        assertTrue(out.contains("step accuracy 1.0000, sequence accuracy 1.0000"), out);
        Checkpoint checkpoint = Checkpoint.load(run.resolve("best.safetensors"));
        assertEquals(InitialState.LEARNED, checkpoint.model().initialState());
        float[] initial = checkpoint.tensors().get(ModelLayout.initialStateTensor(0)).floats();
        assertEquals(4, initial.length);
        assertTrue(IntStream.range(0, initial.length).anyMatch(i -> Math.abs(initial[i]) > 1e-3), () -> Arrays.toString(initial));

        String eval = Cli.run("label", "eval", "--model", run.resolve("best.safetensors").toString(), "--data", data.toString()).ok().out();
        assertTrue(eval.contains("(128 sequences, 896 steps): step accuracy 1.0000"), eval);
        String inspect = Cli.run("inspect", run.resolve("best.safetensors").toString()).ok().out();
        assertTrue(inspect.contains("(format 2)") && inspect.contains("learned initial state"), inspect);
    }

    @Test
    void aSigmoidLabellerLearnsTheSameTask() throws IOException {
        Path data = parity(temp.resolve("parity.tsv"), 7);
        Path run = temp.resolve("run");
        String out = Cli.run("label", "train", "--data", data.toString(), "--output", "sigmoid", "--cell", "gru", "--rnn-size", "4",
                "--wordvec-size", "0", "--dropout", "0", "--learning-rate", "0.03", "--epochs", "60", "--patience", "0",
                "--out", run.toString()).ok().out();
        assertTrue(out.contains("step accuracy 1.0000, sequence accuracy 1.0000"), out);
        assertEquals(new LabellerHead(2, LabelOutput.SIGMOID), Checkpoint.load(run.resolve("best.safetensors")).model().head());

        Path three = temp.resolve("three.tsv");
        Files.writeString(three, "a b\tx y\nc\tz\n");
        Cli.Result refused = Cli.run("label", "train", "--data", three.toString(), "--output", "sigmoid", "--out", temp.resolve("none").toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.err().contains("a sigmoid output gives two labels, but the data has 3"), refused.err());
        assertFalse(Files.exists(temp.resolve("none")));
    }

    @Test
    void badDataIsRefusedWithItsLine() throws IOException {
        Path data = parity(temp.resolve("parity.tsv"), 4);
        Path run = temp.resolve("run");
        Cli.run("label", "train", "--data", data.toString(), "--rnn-size", "4", "--epochs", "1", "--out", run.toString()).ok();
        Path other = temp.resolve("other.tsv");
        Files.writeString(other, "1 0\todd odd\n0 1\teven maybe\n");
        Cli.Result unknown = Cli.run("label", "eval", "--model", run.resolve("checkpoint.safetensors").toString(), "--data", other.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("other.tsv:2: the label 'maybe'"), unknown.err());

        Path single = temp.resolve("single.tsv");
        Files.writeString(single, "a b\tx x\nc\tx\n");
        Cli.Result one = Cli.run("label", "train", "--data", single.toString(), "--out", temp.resolve("none").toString());
        assertEquals(2, one.exitCode());
        assertTrue(one.err().contains("has only the label 'x'"), one.err());
        assertFalse(Files.exists(temp.resolve("none")));

        Cli.Result wrongKind = Cli.run("classify", "predict", "--model", run.resolve("checkpoint.safetensors").toString());
        assertEquals(2, wrongKind.exitCode());
        assertTrue(wrongKind.err().contains("holds a labeller, not a classifier; use it with rnn4j label predict"), wrongKind.err());
    }

    /** Every {@code bits}-bit vector, least significant bit first, labelled with the parity so far. */
    private static Path parity(Path file, int bits) throws IOException {
        List<String> rows = new ArrayList<>();
        for (int v = 0; v < 1 << bits; v++) {
            StringBuilder tokens = new StringBuilder();
            StringBuilder labels = new StringBuilder();
            int parity = 0;
            for (int b = 0; b < bits; b++) {
                int bit = v >> b & 1;
                parity ^= bit;
                tokens.append(b == 0 ? "" : " ").append(bit);
                labels.append(b == 0 ? "" : " ").append(parity == 0 ? "even" : "odd");
            }
            rows.add(tokens + "\t" + labels);
        }
        return Files.write(file, rows);
    }
}
