package org.rnn4j.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.data.Batches;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.data.SequenceBatcher;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.Vocabulary;

/**
 * A classifier's or labeller's training data: labelled sequences, each one row of a window from the initial state,
 * the training windows shuffled per epoch and the validation sequences scored in order.
 *
 * @param validation null when there is nothing to validate on
 * @param source     the texts the sequences came from, or null when not recorded
 */
public record LabelledTraining(Vocabulary vocabulary, Map<String, Object> tokenizer, List<String> labels,
                               LabelledSequences train, LabelledSequences validation, CorpusSource source)
        implements TrainingData {

    public LabelledTraining {
        labels = List.copyOf(labels);
    }

    @Override
    public Batches training(TrainConfig config) {
        return new SequenceBatcher(train, config.batchSize(), config.seed());
    }

    @Override
    public Evaluator validation(SequenceModel model, TrainConfig config, Workspace shared) {
        return validation == null ? null : new Evaluator(model, new SequenceBatcher(validation, config.batchSize(), null), shared);
    }

    @Override
    public Optional<String> sample(SequenceModel model, TrainConfig config, long step) {
        return Optional.empty();
    }
}
