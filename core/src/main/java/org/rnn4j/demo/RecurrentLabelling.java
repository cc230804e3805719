package org.rnn4j.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rnn4j.cell.Cell;
import org.rnn4j.classify.LabellerScores;
import org.rnn4j.data.Batching;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.head.labeller.LabellerHead;
import org.rnn4j.kernel.Kernels;
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
import org.rnn4j.train.LabelledTraining;
import org.rnn4j.train.TrainConfig;
import org.rnn4j.train.Trainer;
import org.rnn4j.train.TrainingListener;

/**
 * A demonstration's recurrent half: a labeller (one-hot tokens → one layer of H units → a softmax over the labels
 * at every step) trained by the library's trainer on a task's training sequences, then scored on its held-out
 * ones: the share of steps labelled right and of sequences with every step right.
 */
public final class RecurrentLabelling {

    private RecurrentLabelling() {
    }

    /**
     * How the labeller trains: its cell and H, Adam at {@code learningRate} on windows of {@code batch} sequences
     * for {@code epochs} passes, seeded.
     */
    public record Setup(Cell cell, int hidden, int epochs, float learningRate, int batch, long seed) {
    }

    /** The held-out scores, and what training took. */
    public record Result(LabellerScores heldOut, double trainSequenceAccuracy, long steps, double seconds, long parameters) {
    }

    /** Trains on {@code train} (token ids in [0, tokens)) and scores {@code heldOut}; labels in [0, classes). */
    public static Result run(Setup setup, Kernels kernels, int tokens, int classes, LabelledSequences train, LabelledSequences heldOut) {
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < Math.max(tokens, classes); i++) {
            names.add(Integer.toString(i));
        }
        labels.addAll(names.subList(0, classes));
        ModelConfig shape = new ModelConfig(setup.cell(), tokens, 0, setup.hidden(), 1, 0f, false, new LabellerHead(classes));
        SequenceModel model = new SequenceModel(shape, kernels);
        TrainConfig config = new TrainConfig(Batching.STREAM, setup.batch(), train.longest(), setup.epochs(), 0, 0, 0,
                OptimizerConfig.defaults(OptimizerKind.ADAM), setup.learningRate(), new ScheduleConfig(ScheduleKind.CONSTANT, 1f, 1, 1),
                5f, 0f, Integer.MAX_VALUE, 0, Integer.MAX_VALUE, Initialization.pytorch(), setup.seed(), 0);
        Initializer.initialize(model, config.initialization(), new Rng(setup.seed()).split());
        Vocabulary vocabulary = new Vocabulary(names.subList(0, tokens));
        LabelledTraining data = new LabelledTraining(vocabulary, Map.of("level", "word"), labels, train, null, null);
        Trainer trainer = new Trainer(model, data, config, null, new TrainingListener() { }, null);
        trainer.run();
        return new Result(LabellerScores.of(model, labels, heldOut), LabellerScores.of(model, labels, train).sequenceAccuracy(),
                trainer.progress().step(), trainer.progress().seconds(), model.parameters().layout().parameterCount());
    }
}
