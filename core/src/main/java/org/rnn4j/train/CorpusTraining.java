package org.rnn4j.train;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.data.Batches;
import org.rnn4j.data.Batching;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Workspace;
import org.rnn4j.random.Rng;
import org.rnn4j.sample.Decoding;
import org.rnn4j.sample.Sampler;
import org.rnn4j.sample.SamplingConfig;
import org.rnn4j.sample.SentenceGenerator;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.TokenArray;
import org.rnn4j.text.Vocabulary;

/**
 * A language model's training data: a {@link Corpus} read as B contiguous streams (or sentence batches) in
 * T-step windows, validated on the start of its validation split, sampled as text or sentences.
 */
public final class CorpusTraining implements TrainingData {

    private static final int SAMPLE_LENGTH = 200;       // characters
    private static final int SAMPLE_SENTENCE_WORDS = 60;

    private final Corpus corpus;
    private Sampler sampler;             // made at the first sample of a character model, then reused
    private SentenceGenerator sentences; // the same for a word model

    public CorpusTraining(Corpus corpus) {
        this.corpus = corpus;
    }

    public Corpus corpus() {
        return corpus;
    }

    @Override
    public Batches training(TrainConfig config) {
        return config.batching().batches(corpus.train(), corpus.vocabulary(), config.batchSize(), config.seqLength(),
                config.seed(), "the training split");
    }

    /** Scores the first {@link #validationLength} tokens of the validation split as training reads its data. */
    @Override
    public Evaluator validation(SequenceModel model, TrainConfig config, Workspace shared) {
        long length = validationLength(corpus, config);
        if (length < 2) {
            return null;
        }
        TokenArray tokens = length == corpus.validation().length() ? corpus.validation() : corpus.validation().slice(0, length);
        if (config.batching() == Batching.STREAM) {
            return new Evaluator(model, tokens, config.batchSize(), config.seqLength(), shared);
        }
        return new Evaluator(model, config.batching().batches(tokens, corpus.vocabulary(), config.batchSize(),
                config.seqLength(), config.seed(), "the validation split"), shared);
    }

    /**
     * How many tokens from the start of the validation split every evaluation reads: enough for
     * {@link TrainConfig#validationTokens} predictions (all of the split when 0), in sentence batches cut
     * after the last whole sentence (the first, when even that one is longer).
     */
    public static long validationLength(Corpus corpus, TrainConfig config) {
        TokenArray split = corpus.validation();
        long cap = config.validationTokens();
        if (cap == 0 || cap + 1 >= split.length()) {
            return split.length();
        }
        long length = cap + 1;
        if (config.batching() != Batching.SENTENCES) {
            return length;
        }
        int end = corpus.vocabulary().id(Vocabulary.SENTENCE_END);
        long last = length - 1;
        while (last >= 0 && split.get(last) != end) {
            last--;
        }
        if (last < 0) {
            last = length;
            while (last < split.length() - 1 && split.get(last) != end) {
                last++;
            }
        }
        return last + 1;
    }

    /** Text for a character model, a sentence (words spaced) for a word model. */
    @Override
    public Optional<String> sample(SequenceModel model, TrainConfig config, long step) {
        Rng rng = new Rng(config.seed() ^ step);
        if (corpus.words()) {
            if (sentences == null) {
                sentences = new SentenceGenerator(model, corpus.vocabulary(), 1, config.batching().sentenceStart());
            }
            var sampling = new SamplingConfig(SAMPLE_SENTENCE_WORDS, 0.8f, 0, 1f, Decoding.SAMPLE, "");
            return Optional.of(String.join(" ", sentences.generate(List.of(), 1, sampling, rng).get(0)));
        }
        if (sampler == null) {
            sampler = new Sampler(model, corpus.vocabulary());
        }
        var sampling = new SamplingConfig(SAMPLE_LENGTH, 0.8f, 0, 1f, Decoding.SAMPLE, "");
        return Optional.of(sampler.generate("", sampling, rng, piece -> { }));
    }

    @Override
    public Vocabulary vocabulary() {
        return corpus.vocabulary();
    }

    @Override
    public Map<String, Object> tokenizer() {
        return corpus.tokenizer();
    }

    @Override
    public CorpusSource source() {
        return corpus.source();
    }

    @Override
    public List<String> labels() {
        return List.of();
    }
}
