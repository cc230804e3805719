package org.rnn4j.cli;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.random.Rng;
import org.rnn4j.sample.Decoding;
import org.rnn4j.sample.Sampler;
import org.rnn4j.sample.SamplingConfig;
import org.rnn4j.text.Vocabulary;

/** Token-by-token generation of N streams from a freshly initialized model of a benchmark configuration. */
final class SamplingWorkload implements BenchWorkload {

    private static final SamplingConfig SAMPLING = new SamplingConfig(1, 0.8f, 0, 1f, Decoding.SAMPLE, "");

    private final SequenceModel model;
    private final Sampler sampler;
    private final Rng rng;

    SamplingWorkload(BenchConfig config, InitialState initialState, int streams, long seed) {
        this.rng = new Rng(seed);
        this.model = new SequenceModel(config.model(initialState), KernelProvider.kernels());
        Initializer.initialize(model, Initialization.pytorch(), rng);
        this.sampler = new Sampler(model, letters(config.vocabulary), streams);
        sampler.start("", rng);
    }

    private static Vocabulary letters(int size) {
        List<String> tokens = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            tokens.add(Character.toString(' ' + i));
        }
        return new Vocabulary(tokens);
    }

    @Override
    public void step() {
        sampler.next(SAMPLING, rng);
    }

    @Override
    public int tokensPerStep() {
        return sampler.streams();
    }

    @Override
    public long parameters() {
        return model.parameters().layout().parameterCount();
    }
}
