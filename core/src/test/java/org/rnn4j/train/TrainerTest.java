package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.cell.CellConfigs;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.Batching;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.TokenArray;
import org.rnn4j.text.Vocabulary;

/**
 * Seeded trajectories, exact resume (also of a run stopped during validation), the validation cap,
 * scalar-versus-vector curves and the divergence guard.
 */
class TrainerTest {

    private static final String TEXT = """
            From fairest creatures we desire increase,
            That thereby beauty's rose might never die,
            But as the riper should by time decease,
            His tender heir might bear his memory:
            But thou contracted to thine own bright eyes,
            Feed'st thy light's flame with self-substantial fuel,
            Making a famine where abundance lies,
            Thy self thy foe, to thy sweet self too cruel:
            """.repeat(3);

    private static final ModelConfig LSTM = new ModelConfig(Cells.of("lstm"), Vocabulary.ofCodePoints(TEXT).size(), 8, 16, 2, 0.1f);

    @TempDir
    Path temp;

    @Test
    void aSeededRunIsReproducibleAndLearns() {
        List<Double> first = train(config(30, 11), KernelProvider.kernels(), null, null).losses;
        List<Double> second = train(config(30, 11), KernelProvider.kernels(), null, null).losses;
        assertEquals(first, second);
        assertEquals(30, first.size());
        assertTrue(mean(first.subList(25, 30)) < first.get(0) - 0.5, () -> "loss did not fall: " + first);
    }

    @Test
    void resumingEqualsNeverStopping() throws Exception {
        Path whole = Files.createDirectory(temp.resolve("whole"));
        Path split = Files.createDirectory(temp.resolve("split"));
        Run uninterrupted = train(config(24, 5), KernelProvider.kernels(), whole, null);
        train(config(12, 5), KernelProvider.kernels(), split, null);
        Checkpoint checkpoint = Checkpoint.load(split.resolve(Trainer.LATEST));
        assertEquals(12, checkpoint.trainingState().step());
        Run resumed = train(config(24, 5), KernelProvider.kernels(), split, checkpoint);

        assertEquals(uninterrupted.losses.subList(12, 24), resumed.losses);
        assertArrayEquals(uninterrupted.model.parameters().values(), resumed.model.parameters().values());
    }

    /** Every cell, at the nearest shape it takes, and the multiplicative RNN with F ≠ H, whose F the checkpoint keeps. */
    static Stream<ModelConfig> everyCell() {
        int v = Vocabulary.ofCodePoints(TEXT).size();
        return Stream.concat(Cells.all().stream().map(cell -> CellConfigs.of(cell, v, 8, 12, 2, 0.1f)),
                Stream.of(new ModelConfig(Cells.of("mrnn").with(Map.of("factors", 5)), v, 8, 12, 2, 0.1f)));
    }

    @ParameterizedTest
    @MethodSource("everyCell")
    void everyCellResumesAsIfItNeverStopped(ModelConfig modelConfig) throws Exception {
        Path whole = Files.createDirectory(temp.resolve("whole"));
        Path split = Files.createDirectory(temp.resolve("split"));
        Run uninterrupted = train(modelConfig, config(10, 5), KernelProvider.kernels(), whole, null, 0);
        train(modelConfig, config(5, 5), KernelProvider.kernels(), split, null, 0);
        Checkpoint checkpoint = Checkpoint.load(split.resolve(Trainer.LATEST));
        ModelConfig saved = checkpoint.model();
        assertEquals(modelConfig.cell().id(), saved.cell().id());
        assertEquals(modelConfig.cell().settings(modelConfig.hiddenSize()), saved.cell().settings(saved.hiddenSize()));
        Run resumed = train(modelConfig, config(10, 5), KernelProvider.kernels(), split, checkpoint, 0);

        assertEquals(uninterrupted.losses.subList(5, 10), resumed.losses);
        assertArrayEquals(uninterrupted.model.parameters().values(), resumed.model.parameters().values());
    }

    @Test
    void theFinalEvaluationCountsTowardTheBestFile() {
        List<Double> validationLosses = new ArrayList<>();
        Trainer trainer = stoppableRun(config(8, 5), validationLosses, 0);
        assertEquals(StopReason.MAX_STEPS, trainer.run());

        assertEquals(2, validationLosses.size(), "the scheduled evaluation at step 5 and the final one at step 8");
        assertTrue(validationLosses.get(1) < validationLosses.get(0), "the model still learns: " + validationLosses);
        assertEquals(validationLosses.get(1), trainer.bestValidationLoss());
        TrainingState best = Checkpoint.load(temp.resolve(Trainer.BEST)).trainingState();
        assertEquals(8, best.step());
        assertEquals(validationLosses.get(1), best.bestSavedLoss());
        // what early stopping and the schedule count stays that of the scheduled evaluations, as in a run that never stopped
        TrainingState latest = Checkpoint.load(temp.resolve(Trainer.LATEST)).trainingState();
        assertEquals(validationLosses.get(0), latest.bestValidationLoss());
        assertEquals(0, latest.staleEvaluations());
        assertEquals(validationLosses.get(1), latest.bestSavedLoss());
    }

    @Test
    void aStopRequestSkipsTheFinalEvaluation() {
        List<Double> validationLosses = new ArrayList<>();
        Trainer trainer = stoppableRun(config(0, 5), validationLosses, 8); // as Ctrl-C does, between scheduled evaluations
        assertEquals(StopReason.INTERRUPTED, trainer.run());
        assertEquals(1, validationLosses.size(), "only the scheduled evaluation at step 5: " + validationLosses);
        assertEquals(8, Checkpoint.load(temp.resolve(Trainer.LATEST)).trainingState().step());
    }

    /** A run lets go of its window buffers when it ends, so a second run of the same trainer is refused, not run on nothing. */
    @Test
    void aTrainerRunsOnce() {
        Trainer trainer = stoppableRun(config(3, 5), new ArrayList<>(), 0);
        assertEquals(StopReason.MAX_STEPS, trainer.run());
        IllegalStateException refused = assertThrows(IllegalStateException.class, trainer::run);
        assertTrue(refused.getMessage().contains("has run"), refused.getMessage());
        assertEquals(3, trainer.progress().step(), "what the run did stays readable");
    }

    /** A run into {@code temp} that records its validation losses and, when {@code stopAt} > 0, is asked to stop after that step. */
    private Trainer stoppableRun(TrainConfig config, List<Double> validationLosses, long stopAt) {
        Trainer[] trainer = new Trainer[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingProgress progress) {
                if (progress.step() == stopAt) {
                    trainer[0].requestStop();
                }
            }

            @Override
            public void onEvaluation(TrainingProgress progress, Evaluation validation, boolean best) {
                validationLosses.add(validation.loss());
            }
        };
        trainer[0] = new Trainer(model(LSTM, config, KernelProvider.kernels()), new CorpusTraining(corpus()), config, temp, listener, null);
        return trainer[0];
    }

    @Test
    void vectorKernelsFollowTheScalarCurve() {
        List<Double> scalar = train(config(15, 3), new ScalarKernels(), null, null).losses;
        List<Double> vector = train(config(15, 3), KernelProvider.kernels(), null, null).losses;
        for (int i = 0; i < scalar.size(); i++) {
            assertEquals(scalar.get(i), vector.get(i), 1e-3 * scalar.get(i), "step " + (i + 1));
        }
    }

    @Test
    void aDivergingRunStopsWithAClearMessage() {
        TrainConfig base = config(50, 1);
        TrainConfig wild = new TrainConfig(base.batching(), base.batchSize(), base.seqLength(), base.epochs(), base.maxSteps(), 0, 0,
                OptimizerConfig.defaults(OptimizerKind.SGD), 1e6f, ScheduleConfig.constant(), 0f, 0f, 10, 0, 1,
                Initialization.pytorch(), 1, 0);
        var e = assertThrows(TrainingDivergedException.class, () -> train(wild, KernelProvider.kernels(), null, null));
        assertTrue(e.getMessage().startsWith("training diverged at step "), e.getMessage());
        assertTrue(e.getMessage().contains("lower the learning rate"), e.getMessage());
    }

    @Test
    void aStopRequestDuringValidationSavesAResumableCheckpointThatRedoesIt() throws Exception {
        Path whole = Files.createDirectory(temp.resolve("whole"));
        Path split = Files.createDirectory(temp.resolve("split"));
        TrainConfig config = validating(15, 0);
        Run uninterrupted = train(config, KernelProvider.kernels(), whole, null, 0);
        Run stopped = train(config, KernelProvider.kernels(), split, null, 10); // asks to stop as the evaluation of step 10 begins
        assertEquals(StopReason.INTERRUPTED, stopped.reason);
        assertEquals(List.of(5L), stopped.evaluations, "the evaluation of step 10 was abandoned");
        Checkpoint checkpoint = Checkpoint.load(split.resolve(Trainer.LATEST));
        assertEquals(10, checkpoint.trainingState().step());
        assertTrue(checkpoint.trainingState().validationPending());

        Run resumed = train(config, KernelProvider.kernels(), split, checkpoint, 0);
        assertEquals(List.of(5L, 10L, 15L), uninterrupted.evaluations);
        assertEquals(List.of(10L, 15L), resumed.evaluations, "the resumed run does the pending evaluation first");
        assertEquals(uninterrupted.validationLosses.subList(1, 3), resumed.validationLosses);
        assertEquals(uninterrupted.losses.subList(10, 15), resumed.losses);
        assertArrayEquals(uninterrupted.model.parameters().values(), resumed.model.parameters().values());
        assertFalse(Checkpoint.load(split.resolve(Trainer.LATEST)).trainingState().validationPending());
    }

    @Test
    void validationScoresTheSameCappedPrefixEveryTime() {
        TrainConfig config = validating(15, 40);
        Corpus corpus = corpus();
        assertEquals(41, CorpusTraining.validationLength(corpus, config));
        assertEquals(corpus.validation().length(), CorpusTraining.validationLength(corpus, validating(15, 0)));
        SequenceModel model = model(LSTM, config, KernelProvider.kernels());
        List<Evaluation> seen = new ArrayList<>();
        List<Evaluation> expected = new ArrayList<>();
        new Trainer(model, new CorpusTraining(corpus), config, null, new TrainingListener() {
            @Override
            public void onEvaluation(TrainingProgress progress, Evaluation validation, boolean best) {
                seen.add(validation);
                TokenArray prefix = corpus.validation().slice(0, 41);
                expected.add(new Evaluator(model, prefix, config.batchSize(), config.seqLength(), null).evaluate());
            }
        }, null).run();
        assertEquals(3, seen.size());
        assertEquals(expected, seen);
        assertTrue(seen.stream().allMatch(e -> e.tokens() == seen.get(0).tokens() && e.tokens() <= 40), seen.toString());
    }

    private record Run(SequenceModel model, List<Double> losses, StopReason reason, List<Long> evaluations,
                       List<Double> validationLosses) {
    }

    private static Run train(TrainConfig config, Kernels kernels, Path folder, Checkpoint resume) {
        return train(LSTM, config, kernels, folder, resume, 0);
    }

    private static Run train(TrainConfig config, Kernels kernels, Path folder, Checkpoint resume, long stopAt) {
        return train(LSTM, config, kernels, folder, resume, stopAt);
    }

    /** A run that, when {@code stopAt} > 0, asks to stop once step {@code stopAt} is done, before its evaluation. */
    private static Run train(ModelConfig modelConfig, TrainConfig config, Kernels kernels, Path folder, Checkpoint resume,
                             long stopAt) {
        Corpus corpus = corpus();
        SequenceModel model = model(modelConfig, config, kernels);
        if (resume != null) {
            resume.loadInto(model);
        }
        List<Double> losses = new ArrayList<>();
        List<Long> evaluations = new ArrayList<>();
        List<Double> validationLosses = new ArrayList<>();
        Trainer[] trainer = new Trainer[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onStep(TrainingProgress progress) {
                losses.add(progress.loss());
                if (progress.step() == stopAt) {
                    trainer[0].requestStop();
                }
            }

            @Override
            public void onEvaluation(TrainingProgress progress, Evaluation validation, boolean best) {
                evaluations.add(progress.step());
                validationLosses.add(validation.loss());
            }
        };
        trainer[0] = new Trainer(model, new CorpusTraining(corpus), config, folder, listener, resume);
        StopReason reason = trainer[0].run();
        return new Run(model, losses, reason, evaluations, validationLosses);
    }

    private static Corpus corpus() {
        return Corpus.ofCharacters(TEXT, "the test text", Vocabulary.ofCodePoints(TEXT), 0.9, 0.1);
    }

    private static SequenceModel model(ModelConfig modelConfig, TrainConfig config, Kernels kernels) {
        SequenceModel model = new SequenceModel(modelConfig, kernels);
        Initializer.initialize(model, config.initialization(), new Rng(config.seed()).split());
        return model;
    }

    /** Evaluates every 5 steps with a schedule that reads the validation loss; {@code validationTokens} 0 = all. */
    private static TrainConfig validating(long maxSteps, long validationTokens) {
        return new TrainConfig(Batching.STREAM, 4, 16, 100, maxSteps, 0, 0, OptimizerConfig.defaults(OptimizerKind.ADAM), 0.01f,
                new ScheduleConfig(ScheduleKind.PLATEAU, 0.5f, 1, 1), 5f, 0f, 5, 0, 1, Initialization.pytorch(), 7, validationTokens);
    }

    private static TrainConfig config(long maxSteps, long seed) {
        return new TrainConfig(Batching.STREAM, 4, 16, 100, maxSteps, 0, 0, OptimizerConfig.defaults(OptimizerKind.ADAM), 0.01f,
                new ScheduleConfig(ScheduleKind.EPOCH_DECAY, 0.9f, 1, 1), 5f, 0f, 5, 0, 1, Initialization.pytorch(), seed, 0);
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
