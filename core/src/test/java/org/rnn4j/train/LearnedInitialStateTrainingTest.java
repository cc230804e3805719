package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.Batching;
import org.rnn4j.io.Json;
import org.rnn4j.io.SafeTensors;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.Mode;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Workspace;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.random.Rng;
import org.rnn4j.sample.Decoding;
import org.rnn4j.sample.Sampler;
import org.rnn4j.sample.SamplingConfig;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.Vocabulary;

/**
 * A language model with a learned initial state trains it (the windows that start an epoch reach it), resumes bit
 * for bit from the middle of an epoch (where the state is carried, not reset), saves and loads it, and samples from it.
 */
class LearnedInitialStateTrainingTest {

    private static final String TEXT = """
            Shall I compare thee to a summer's day?
            Thou art more lovely and more temperate:
            Rough winds do shake the darling buds of May,
            And summer's lease hath all too short a date;
            """.repeat(4);
    private static final Vocabulary VOCABULARY = Vocabulary.ofCodePoints(TEXT);
    private static final ModelConfig MODEL = new ModelConfig(Cells.of("lstm"), VOCABULARY.size(), 8, 16, 2, 0.1f)
            .withInitialState(InitialState.LEARNED);

    @TempDir
    Path temp;

    @Test
    void itTrainsAndAResumedRunEqualsOneThatNeverStopped() {
        Path whole = temp.resolve("whole");
        Path split = temp.resolve("split");
        SequenceModel uninterrupted = train(whole, 45, null);
        train(split, 20, null);
        Checkpoint stopped = Checkpoint.load(split.resolve(Trainer.LATEST));
        assertTrue(stopped.trainingState().window() > 0, "stopped within an epoch, with a carried state");
        SequenceModel resumed = train(split, 45, stopped);

        assertArrayEquals(uninterrupted.parameters().values(), resumed.parameters().values());
        float[] initial = initialStates(uninterrupted);
        assertTrue(maxAbs(initial) > 1e-3, "h₀ and c₀ moved from zero: " + maxAbs(initial));
    }

    @Test
    void theCheckpointHoldsTheInitialStateAndLoadsIt() {
        Path run = temp.resolve("run");
        SequenceModel trained = train(run, 20, null);
        Path file = run.resolve(Trainer.LATEST);
        Map<String, String> metadata = SafeTensors.read(file).metadata();
        assertEquals("2", metadata.get("format_version"), "a learned initial state needs a reader of format 2");
        assertEquals("learned", Json.parseObject(metadata.get("model")).get("initial_state"));

        Checkpoint checkpoint = Checkpoint.load(file);
        assertEquals(InitialState.LEARNED, checkpoint.model().initialState());
        Tensor layer1 = ModelLayout.of(checkpoint.model()).get(ModelLayout.initialStateTensor(1));
        assertArrayEquals(new int[] {2, 16}, checkpoint.tensors().get(layer1.name()).shape());
        SequenceModel loaded = new SequenceModel(checkpoint.model(), KernelProvider.kernels());
        checkpoint.loadInto(loaded);
        assertArrayEquals(initialStates(trained), initialStates(loaded));

        int[] tokens = VOCABULARY.encodeCodePoints(TEXT, "the test text");
        double learned = new Evaluator(loaded, tokens, 2, 50).evaluate().loss();
        assertEquals(new Evaluator(trained, tokens, 2, 50).evaluate().loss(), learned, 0.0);
        SequenceModel fromZero = withoutInitialState(loaded);
        assertNotEquals(learned, new Evaluator(fromZero, tokens, 2, 50).evaluate().loss(), "evaluation starts from h₀, not zero");
    }

    /** Greedy sampling follows the path from h₀: the sampler's text is the one stepped by hand from a reset state. */
    @Test
    void samplingStartsFromTheInitialState() {
        SequenceModel model = new SequenceModel(MODEL, KernelProvider.kernels());
        Initializer.initialize(model, Initialization.pytorch(), new Rng(3));
        Rng rng = new Rng(4);
        float[] values = model.parameters().values();
        for (String name : List.of(ModelLayout.initialStateTensor(0), ModelLayout.initialStateTensor(1))) {
            Tensor tensor = model.parameters().layout().get(name);
            for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
                values[i] = 4f * rng.nextFloat() - 2f;
            }
        }
        SamplingConfig greedy = new SamplingConfig(40, 1f, 0, 1f, Decoding.GREEDY, "");
        String sampled = new Sampler(model, VOCABULARY).generate("S", greedy, new Rng(1), piece -> { });

        assertEquals(greedyByHand(model, 40), sampled);
        assertNotEquals(greedyByHand(withoutInitialState(model), 40), sampled, "h₀ changes the path, so the test can tell");
    }

    /** The greedy continuation of "S" from a new (reset) state, one token per forward. */
    private static String greedyByHand(SequenceModel model, int length) {
        Workspace ws = model.workspace(1, 1);
        RecurrentState state = model.newState(1);
        int token = VOCABULARY.encodeCodePoints("S", "the prime")[0];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            ws.inputs()[0] = token;
            float[] logits = model.logits(ws, state, Mode.EVALUATION, null);
            int best = 0;
            for (int v = 1; v < VOCABULARY.size(); v++) {
                best = logits[v] > logits[best] ? v : best;
            }
            token = best;
            text.append(VOCABULARY.token(token));
        }
        return text.toString();
    }

    /** The same weights in a model that starts from zero. */
    private static SequenceModel withoutInitialState(SequenceModel model) {
        SequenceModel zero = new SequenceModel(model.config().withInitialState(InitialState.ZERO), model.kernels());
        for (Tensor tensor : zero.parameters().layout().tensors()) {
            zero.parameters().set(tensor, model.parameters().copyOf(model.parameters().layout().get(tensor.name())));
        }
        return zero;
    }

    private static SequenceModel train(Path folder, long maxSteps, Checkpoint resume) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TrainConfig config = new TrainConfig(Batching.STREAM, 4, 16, 100, maxSteps, 0, 0, OptimizerConfig.defaults(OptimizerKind.ADAM),
                0.01f, new ScheduleConfig(ScheduleKind.EPOCH_DECAY, 0.9f, 1, 1), 5f, 0f, 10, 0, 1, Initialization.pytorch(), 5, 0);
        SequenceModel model = new SequenceModel(MODEL, KernelProvider.kernels());
        if (resume != null) {
            resume.loadInto(model);
        } else {
            Initializer.initialize(model, config.initialization(), new Rng(config.seed()).split());
        }
        Corpus corpus = Corpus.ofCharacters(TEXT, "the test text", VOCABULARY, 0.9, 0.1);
        new Trainer(model, new CorpusTraining(corpus), config, folder, new TrainingListener() { }, resume).run();
        return model;
    }

    private static float[] initialStates(SequenceModel model) {
        List<Float> values = new ArrayList<>();
        for (int l = 0; l < MODEL.layers(); l++) {
            for (float value : model.parameters().copyOf(model.parameters().layout().get(ModelLayout.initialStateTensor(l)))) {
                values.add(value);
            }
        }
        float[] array = new float[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    private static float maxAbs(float[] values) {
        float max = 0f;
        for (float value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
