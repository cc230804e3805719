package org.rnn4j.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.data.Batches;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.Vocabulary;

/**
 * What a {@link Trainer} reads, whatever the model's head: the windows it trains on, the evaluation it
 * validates with, the samples it shows, and what a checkpoint records about the data.
 */
public interface TrainingData {

    /** The windows of one epoch, the same for the same epoch (a resumed run sees what an unbroken one saw). */
    Batches training(TrainConfig config);

    /**
     * The evaluation each validation runs, in {@code shared} when it fits (the trainer lends its workspace, which
     * holds nothing between steps); null when there is nothing to validate on.
     */
    Evaluator validation(SequenceModel model, TrainConfig config, Workspace shared);

    /** What the model generates now, shown while training; empty for a model that generates nothing. */
    Optional<String> sample(SequenceModel model, TrainConfig config, long step);

    /** The input tokens. */
    Vocabulary vocabulary();

    /** How text becomes tokens: the checkpoint's {@code tokenizer} metadata. */
    Map<String, Object> tokenizer();

    /** Which texts the run read, or null when they are not recorded. */
    CorpusSource source();

    /** The names of the classes or labels the head predicts, in output order; empty for a language model. */
    List<String> labels();
}
