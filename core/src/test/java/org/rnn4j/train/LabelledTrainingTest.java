package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.Batching;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.head.Head;
import org.rnn4j.head.classifier.ClassifierHead;
import org.rnn4j.head.classifier.Pooling;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.optim.ScheduleKind;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Vocabulary;

/**
 * The one trainer on a classifier and a labeller: they learn small tasks of variable-length sequences, their
 * checkpoints say which head and which labels, and a resumed run equals an unbroken one bit for bit.
 */
class LabelledTrainingTest {

    private static final Vocabulary BITS = new Vocabulary(List.of("0", "1"));

    @TempDir
    Path temp;

    @Test
    void aClassifierLearnsWhetherASequenceHasAnOddNumberOfOnesAtTheEnd() {
        LabelledTraining data = data(false, 400, 7);
        Run run = train(new ClassifierHead(2, Pooling.LAST), data, config(600, 0), null, null, 0);
        assertTrue(run.validation.accuracy() >= 0.95, () -> "accuracy " + run.validation.accuracy());
    }

    @Test
    void aLabellerLearnsTheRunningParity() {
        LabelledTraining data = data(true, 400, 8);
        Run run = train(new LabellerHead(2), data, config(600, 0), null, null, 0);
        assertTrue(run.validation.accuracy() >= 0.97, () -> "accuracy " + run.validation.accuracy());
    }

    @Test
    void theCheckpointSaysWhichHeadAndWhichLabels() {
        Head head = new ClassifierHead(2, Pooling.MAX);
        train(head, data(false, 60, 9), config(10, 0), temp, null, 0);
        Checkpoint checkpoint = Checkpoint.load(temp.resolve(Trainer.LATEST));
        assertEquals(head, checkpoint.model().head());
        assertEquals(List.of("even", "odd"), checkpoint.labels());
    }

    @Test
    void resumingEqualsNeverStopping() {
        LabelledTraining data = data(true, 120, 10);
        Head head = new LabellerHead(2);
        Run whole = train(head, data, config(40, 10), null, null, 0);
        Path folder = temp.resolve("stopped");
        train(head, data, config(40, 10), folder, null, 23);
        Run resumed = train(head, data, config(40, 10), null, Checkpoint.load(folder.resolve(Trainer.LATEST)), 0);
        assertArrayEquals(whole.model.parameters().values(), resumed.model.parameters().values());
    }

    @Test
    void aCheckpointWhoseLabelsDoNotMatchItsHeadIsRefused() {
        train(new LabellerHead(2), data(true, 30, 11), config(2, 0), temp, null, 0);
        LabelledTraining wrong = new LabelledTraining(BITS, Map.of("level", "word"), List.of("a", "b", "c"),
                data(true, 30, 11).train(), null, null);
        Path folder = temp.resolve("wrong");
        assertThrows(IllegalArgumentException.class, () -> train(new LabellerHead(2), wrong, config(2, 0), folder, null, 0));
    }

    private record Run(SequenceModel model, Evaluation validation) {
    }

    /** {@code stopAt} > 0 asks the run to stop after that step. */
    private static Run train(Head head, LabelledTraining data, TrainConfig config, Path folder, Checkpoint resume, long stopAt) {
        ModelConfig shape = new ModelConfig(Cells.of("gru"), BITS.size(), 4, 16, 1, 0f, false, head);
        SequenceModel model = new SequenceModel(shape, KernelProvider.kernels());
        Initializer.initialize(model, config.initialization(), new Rng(config.seed()).split());
        if (resume != null) {
            resume.loadInto(model);
        }
        List<Evaluation> evaluations = new ArrayList<>();
        Trainer[] trainer = new Trainer[1];
        trainer[0] = new Trainer(model, data, config, folder, new TrainingListener() {
            @Override
            public void onStep(TrainingProgress progress) {
                if (progress.step() == stopAt) {
                    trainer[0].requestStop();
                }
            }

            @Override
            public void onEvaluation(TrainingProgress progress, Evaluation validation, boolean best) {
                evaluations.add(validation);
            }
        }, resume);
        trainer[0].run();
        return new Run(model, evaluations.isEmpty() ? null : evaluations.get(evaluations.size() - 1));
    }

    /**
     * Random bit sequences of 1 to 12 bits; a classifier's label is the parity of the whole sequence, a
     * labeller's the parity of each prefix. 80% train, 20% validation.
     */
    private static LabelledTraining data(boolean perStep, int count, long seed) {
        Rng rng = new Rng(seed);
        int[][] tokens = new int[count][];
        int[] labels = new int[count];
        int[][] stepLabels = new int[count][];
        for (int i = 0; i < count; i++) {
            int length = 1 + (int) (rng.nextDouble() * 12);
            tokens[i] = new int[length];
            stepLabels[i] = new int[length];
            int parity = 0;
            for (int t = 0; t < length; t++) {
                tokens[i][t] = rng.nextDouble() < 0.5 ? 0 : 1;
                parity ^= tokens[i][t];
                stepLabels[i][t] = parity;
            }
            labels[i] = parity;
        }
        LabelledSequences all = perStep ? LabelledSequences.ofSteps(tokens, stepLabels) : LabelledSequences.ofClasses(tokens, labels);
        int split = count * 4 / 5;
        int[] train = IntStream.range(0, split).toArray();
        int[] validation = IntStream.range(split, count).toArray();
        return new LabelledTraining(BITS, Map.of("level", "word"), List.of("even", "odd"), all.subset(train),
                all.subset(validation), null);
    }

    private static TrainConfig config(long maxSteps, long seed) {
        return new TrainConfig(Batching.STREAM, 16, 1, 1000, maxSteps, 0, 0, OptimizerConfig.defaults(OptimizerKind.ADAM), 0.02f,
                new ScheduleConfig(ScheduleKind.CONSTANT, 1f, 1, 1), 5f, 0f, 10, 0, 1, Initialization.pytorch(), seed, 0);
    }
}
