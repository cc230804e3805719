package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.Docs;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.Batching;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.Vocabulary;

/**
 * The Python code of docs/checkpoint-format.md, taken from the page itself, loads a checkpoint into PyTorch
 * and scores a text as rnn4j does. Needs a python3 that imports torch and numpy: {@code $RNN4J_PYTHON},
 * else {@code python3} on the PATH, else {@code /usr/bin/python3} (where Debian's python3-torch installs);
 * skipped without one.
 */
class PyTorchSnippetTest {

    private static final String TEXT = """
            When I do count the clock that tells the time,
            And see the brave day sunk in hideous night;
            When I behold the violet past prime,
            And sable curls all silvered o'er with white;
            """.repeat(4);

    /** How close the float32 loss of the snippet must come to rnn4j's. */
    private static final double TOLERANCE = 2e-5;

    private static String python;

    @TempDir
    Path temp;

    @BeforeAll
    static void findPython() {
        List<String> candidates = new ArrayList<>();
        String chosen = System.getenv("RNN4J_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen);
        }
        candidates.addAll(List.of("python3", "/usr/bin/python3"));
        python = candidates.stream().filter(PyTorchSnippetTest::importsTorch).findFirst().orElse(null);
        assumeTrue(python != null, "no python3 that imports torch and numpy among " + candidates + " (set RNN4J_PYTHON)");
    }

    @Test
    void untiedLstmScoresAsInJava() throws Exception {
        assertSnippetScoresAsJava(new ModelConfig(Cells.of("lstm"), vocabulary().size(), 8, 16, 2, 0f));
    }

    @Test
    void tiedGruScoresAsInJava() throws Exception {
        assertSnippetScoresAsJava(new ModelConfig(Cells.of("gru"), vocabulary().size(), 16, 16, 2, 0.1f, true));
    }

    /** The loader registers h₀ (and c₀) on the recurrent module and passes them as its initial state. */
    @Test
    void learnedInitialStatesScoreAsInJava() throws Exception {
        for (ModelConfig config : List.of(new ModelConfig(Cells.of("lstm"), vocabulary().size(), 8, 16, 2, 0f),
                new ModelConfig(Cells.of("gru"), vocabulary().size(), 0, 16, 2, 0f))) {
            SequenceModel model = assertSnippetScoresAsJava(config.withInitialState(InitialState.LEARNED));
            int[] tokens = vocabulary().encodeCodePoints(TEXT, "the test text");
            SequenceModel fromZero = new SequenceModel(config, model.kernels());
            for (Tensor tensor : fromZero.parameters().layout().tensors()) {
                fromZero.parameters().set(tensor, model.parameters().copyOf(model.parameters().layout().get(tensor.name())));
            }
            double learned = new Evaluator(model, tokens, 1, 100).evaluate().loss();
            double zero = new Evaluator(fromZero, tokens, 1, 100).evaluate().loss();
            assertTrue(Math.abs(learned - zero) > 2 * TOLERANCE, () -> "a loader that ignored h₀ would pass: " + learned + " vs " + zero);
        }
    }

    /**
     * Trains {@code config} a few steps, then runs the published code on runs/my-run/best.safetensors and data/sonnets.txt;
     * returns the model of that file.
     */
    private SequenceModel assertSnippetScoresAsJava(ModelConfig config) throws Exception {
        Path run = temp.resolve("runs").resolve("my-run");
        SequenceModel model = train(config, run);
        Checkpoint checkpoint = Checkpoint.load(run.resolve(Trainer.BEST));
        assertEquals(config.tiedWeights(), checkpoint.model().tiedWeights());
        assertEquals(config.initialState(), checkpoint.model().initialState());
        checkpoint.loadInto(model);
        int[] tokens = checkpoint.vocabulary().encodeCodePoints(TEXT, "the test text");
        double expected = new Evaluator(model, tokens, 1, 100).evaluate().loss();

        Files.writeString(Files.createDirectories(temp.resolve("data")).resolve("sonnets.txt"), TEXT, StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(python, "-").directory(temp.toFile()).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(snippet().getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the snippet finished");
        String what = python + " on a " + (config.tiedWeights() ? "tied " : "") + config.cell().id()
                + (config.initialState() == InitialState.LEARNED ? " with a learned initial state" : "");
        assertEquals(0, process.exitValue(), () -> what + " failed:\n" + output);
        List<String> lines = output.strip().lines().toList();
        double loss = Double.parseDouble(lines.getLast());
        System.out.println(what + ": PyTorch " + loss + ", rnn4j " + expected);
        assertEquals(expected, loss, TOLERANCE, what + " printed:\n" + output);
        return model;
    }

    private static SequenceModel train(ModelConfig config, Path folder) {
        TrainConfig training = new TrainConfig(Batching.STREAM, 4, 16, 100, 10, 0, 0, OptimizerConfig.defaults(OptimizerKind.ADAM),
                0.01f, ScheduleConfig.constant(), 5f, 0f, 5, 0, 1, Initialization.pytorch(), 3, 0);
        SequenceModel model = new SequenceModel(config, KernelProvider.kernels());
        Initializer.initialize(model, training.initialization(), new Rng(training.seed()).split());
        new Trainer(model, new CorpusTraining(Corpus.ofCharacters(TEXT, "the test text", vocabulary(), 0.9, 0.1)), training, folder, new TrainingListener() { }, null).run();
        return model;
    }

    private static Vocabulary vocabulary() {
        return Vocabulary.ofCodePoints(TEXT);
    }

    /** The Python block of the section "Loading a checkpoint into PyTorch". */
    private static String snippet() {
        String section = Docs.section("checkpoint-format.md", "Loading a checkpoint into PyTorch");
        int begin = section.indexOf("```python\n") + "```python\n".length();
        String code = section.substring(begin, section.indexOf("```", begin));
        assertTrue(code.contains("\"runs/my-run/best.safetensors\"") && code.contains("\"data/sonnets.txt\""),
                "the snippet reads the files this test lays out:\n" + code);
        return code;
    }

    private static boolean importsTorch(String candidate) {
        try {
            Process process = new ProcessBuilder(candidate, "-c", "import torch, numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
