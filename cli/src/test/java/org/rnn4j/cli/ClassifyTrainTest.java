package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.classifier.Pooling;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.train.Checkpoint;

/**
 * {@code rnn4j classify train}, {@code eval} and {@code predict} end to end on the pets fixture, and the refusals of
 * models of the wrong kind.
 */
class ClassifyTrainTest {

    private static final Pattern ACCURACY = Pattern.compile("on the validation split \\(8 texts\\): accuracy ([0-9.]+)");

    @TempDir
    Path temp;

    /** Every text starts from the learned h₀: it trains, resumes bit for bit, predicts, and a resume cannot take the option. */
    @Test
    void aClassifierWithALearnedInitialStateTrainsResumesAndPredicts() throws IOException {
        Path whole = temp.resolve("learned-whole");
        Path parts = temp.resolve("learned-parts");
        List<String> options = List.of("classify", "train", "--data", ClassifyBaselineTest.pets().toString(), "--tokens", "word",
                "--learn-initial-state", "--rnn-size", "8", "--wordvec-size", "8", "--batch-size", "8", "--patience", "0");
        String out = Cli.run(with(options, "--epochs", "4", "--out", whole.toString())).ok().out();
        assertTrue(out.contains("(embedding 8 input, learned initial state)"), out);
        Cli.run(with(options, "--epochs", "2", "--out", parts.toString())).ok();
        Path latest = parts.resolve("checkpoint.safetensors");
        Cli.run("classify", "train", "--resume", latest.toString(), "--epochs", "4").ok();

        Checkpoint unbroken = Checkpoint.load(whole.resolve("checkpoint.safetensors"));
        Checkpoint continued = Checkpoint.load(latest);
        assertEquals(InitialState.LEARNED, continued.model().initialState());
        assertEquals(unbroken.tensors().keySet(), continued.tensors().keySet());
        for (String tensor : unbroken.tensors().keySet()) {
            assertArrayEquals(unbroken.tensors().get(tensor).floats(), continued.tensors().get(tensor).floats(), tensor);
        }
        float[] initial = continued.tensors().get(ModelLayout.initialStateTensor(0)).floats(); // (2, 8): h₀, c₀
        assertEquals(16, initial.length);
        assertTrue(IntStream.range(0, initial.length).anyMatch(i -> initial[i] != 0f), "trained away from zero");

        Path texts = Files.writeString(temp.resolve("texts.txt"), "The dog barks at the cat.\n");
        List<String> rows = Cli.run("classify", "predict", "--model", latest.toString(), texts.toString()).ok().out().lines().toList();
        assertEquals(2, rows.size(), rows.toString());
        Cli.Result added = Cli.run("classify", "train", "--resume", latest.toString(), "--learn-initial-state", "--epochs", "5");
        assertEquals(2, added.exitCode());
        assertTrue(added.err().contains("--learn-initial-state cannot be given with --resume"), added.err());
    }

    private static String[] with(List<String> options, String... more) {
        return Stream.concat(options.stream(), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void trainsScoresAndPredicts() throws IOException {
        Path run = temp.resolve("run");
        String out = Cli.run("classify", "train", "--data", ClassifyBaselineTest.pets().toString(), "--tokens", "word",
                "--pooling", "mean", "--rnn-size", "16", "--wordvec-size", "8", "--batch-size", "8", "--epochs", "40",
                "--patience", "0", "--learning-rate", "0.01", "--out", run.toString()).ok().out();
        Matcher accuracy = ACCURACY.matcher(out);
        assertTrue(accuracy.find(), out);
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 0.75, out);
        for (String file : List.of("best.safetensors", "checkpoint.safetensors", "metrics.jsonl", "loss.png", "confusion.png")) {
            assertTrue(Files.exists(run.resolve(file)), file);
        }
        Checkpoint checkpoint = Checkpoint.load(run.resolve("best.safetensors"));
        assertEquals(new ClassifierHead(2, Pooling.MEAN), checkpoint.model().head());
        assertEquals(List.of("cat", "dog"), checkpoint.labels());

        String model = run.resolve("best.safetensors").toString();
        String eval = Cli.run("classify", "eval", "--model", model, "--data", ClassifyBaselineTest.pets().toString()).ok().out();
        assertTrue(eval.contains("(40 texts): accuracy"), eval);

        Path texts = temp.resolve("texts.txt");
        Files.writeString(texts, "The dog barks at the cat.\n\nMy cat purrs on the sofa.\n");
        List<String> rows = Cli.run("classify", "predict", "--model", model, texts.toString()).ok().out().lines().toList();
        assertEquals(List.of("class", "p(cat)", "p(dog)", "text"), List.of(rows.get(0).split("\t")));
        assertEquals(3, rows.size(), "the blank line is skipped");
        for (String row : rows.subList(1, 3)) {
            String[] columns = row.split("\t");
            double sum = Double.parseDouble(columns[1]) + Double.parseDouble(columns[2]);
            assertEquals(1, sum, 2e-4, row);
            assertEquals(Double.parseDouble(columns[1]) > Double.parseDouble(columns[2]) ? "cat" : "dog", columns[0], row);
        }
        assertTrue(rows.get(2).endsWith("\tMy cat purrs on the sofa."), rows.get(2));
    }

    @Test
    void aResumedRunEqualsAnUnbrokenOne() {
        String pets = ClassifyBaselineTest.pets().toString();
        Path whole = temp.resolve("whole");
        Path parts = temp.resolve("parts");
        Cli.run("classify", "train", "--data", pets, "--rnn-size", "8", "--epochs", "4", "--patience", "0", "--out", whole.toString()).ok();
        Cli.run("classify", "train", "--data", pets, "--rnn-size", "8", "--epochs", "2", "--patience", "0", "--out", parts.toString()).ok();
        String resumed = Cli.run("classify", "train", "--resume", parts.resolve("checkpoint.safetensors").toString(), "--epochs", "4")
                .ok().out();
        assertTrue(resumed.contains("(resuming at step 2)"), resumed);
        Checkpoint unbroken = Checkpoint.load(whole.resolve("checkpoint.safetensors"));
        Checkpoint continued = Checkpoint.load(parts.resolve("checkpoint.safetensors"));
        assertEquals(unbroken.trainingState().step(), continued.trainingState().step());
        for (String tensor : List.of("embedding.weight", "rnn.weight_hh_l0", "classifier.weight", "classifier.bias")) {
            assertArrayEquals(unbroken.tensors().get(tensor).floats(), continued.tensors().get(tensor).floats(), tensor);
        }

        Cli.Result changed = Cli.run("classify", "train", "--resume", parts.resolve("checkpoint.safetensors").toString(), "--rnn-size", "16");
        assertEquals(2, changed.exitCode());
        assertTrue(changed.err().contains("--rnn-size cannot be given with --resume"), changed.err());
    }

    @Test
    void modelsOfTheWrongKindAreRefused() {
        Path run = temp.resolve("run");
        Cli.run("classify", "train", "--data", ClassifyBaselineTest.pets().toString(), "--tokens", "char", "--rnn-size", "8",
                "--epochs", "1", "--out", run.toString()).ok();
        String classifier = run.resolve("checkpoint.safetensors").toString();
        Cli.Result sample = Cli.run("sample", "--checkpoint", classifier);
        assertEquals(2, sample.exitCode());
        assertTrue(sample.err().contains("holds a classifier, not a language-model; use it with rnn4j classify predict"), sample.err());

        Path lm = temp.resolve("lm");
        Cli.run("train", "--text", Cli.sonnets().toString(), "--rnn-size", "8", "--num-layers", "1", "--max-steps", "2",
                "--out", lm.toString()).ok();
        Cli.Result predict = Cli.run("classify", "predict", "--model", lm.resolve("checkpoint.safetensors").toString());
        assertEquals(2, predict.exitCode());
        assertTrue(predict.err().contains("holds a language-model, not a classifier; use it with rnn4j sample or rnn4j eval"),
                predict.err());
        assertFalse(predict.out().contains("class\t"), predict.out());
    }

    @Test
    void anUnknownLabelAtEvalTimeNamesItsLine() throws IOException {
        Path run = temp.resolve("run");
        Cli.run("classify", "train", "--data", ClassifyBaselineTest.pets().toString(), "--rnn-size", "8", "--epochs", "1",
                "--out", run.toString()).ok();
        Path other = temp.resolve("other.tsv");
        Files.writeString(other, "cat\tThe cat sleeps.\nbird\tThe bird sings.\n");
        Cli.Result result = Cli.run("classify", "eval", "--model", run.resolve("checkpoint.safetensors").toString(),
                "--data", other.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("other.tsv:2") && result.err().contains("'bird'"), result.err());
    }
}
