package org.rnn4j.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.model.InitScheme;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.Initializer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Vocabulary;

class SamplerTest {

    private final Vocabulary vocabulary = Vocabulary.ofCodePoints("abcdefgh \n");
    private final Sampler sampler = new Sampler(model(), vocabulary);

    @Test
    void theSameSeedGivesTheSameText() {
        var config = new SamplingConfig(50, 1f, 0, 1f, Decoding.SAMPLE, "");
        String first = sampler.generate("ab", config, new Rng(9), piece -> { });
        assertEquals(first, sampler.generate("ab", config, new Rng(9), piece -> { }));
        assertNotEquals(first, sampler.generate("ab", config, new Rng(10), piece -> { }));
        assertEquals(50, first.codePointCount(0, first.length()));
    }

    @Test
    void streamsAreDrawnTogetherAndReproducibly() {
        var config = new SamplingConfig(40, 1f, 0, 1f, Decoding.SAMPLE, "");
        Sampler batched = new Sampler(model(), vocabulary, 3);
        var texts = batched.generate("ab", config, new Rng(5), (stream, piece) -> { });
        assertEquals(3, texts.size());
        assertEquals(texts, batched.generate("ab", config, new Rng(5), (stream, piece) -> { }));
        assertNotEquals(texts.get(0), texts.get(1));
        texts.forEach(text -> assertEquals(40, text.codePointCount(0, text.length())));
    }

    @Test
    void aSamplerFollowsParametersThatChangeAfterItWasMade() {
        SequenceModel model = model();
        Sampler early = new Sampler(model, vocabulary);
        Initializer.initialize(model, new Initialization(InitScheme.UNIFORM, 0.8f, 0f, false), new Rng(11));
        var config = new SamplingConfig(30, 1f, 0, 1f, Decoding.GREEDY, "");
        assertEquals(new Sampler(model, vocabulary).generate("ab", config, new Rng(1), p -> { }),
                early.generate("ab", config, new Rng(1), p -> { }));
    }

    @Test
    void greedyStreamsAllFollowTheSinglePath() {
        var config = new SamplingConfig(25, 1f, 0, 1f, Decoding.GREEDY, "");
        String single = sampler.generate("ab", config, new Rng(1), piece -> { });
        for (String text : new Sampler(model(), vocabulary, 4).generate("ab", config, new Rng(2), (stream, piece) -> { })) {
            assertEquals(single, text);
        }
    }

    @Test
    void topKOfOneAndTinyTopPAreGreedy() {
        String greedy = sampler.generate("a", new SamplingConfig(30, 1f, 0, 1f, Decoding.GREEDY, ""), new Rng(1), p -> { });
        assertEquals(greedy, sampler.generate("a", new SamplingConfig(30, 1f, 1, 1f, Decoding.SAMPLE, ""), new Rng(2), p -> { }));
        assertEquals(greedy, sampler.generate("a", new SamplingConfig(30, 1f, 0, 1e-6f, Decoding.SAMPLE, ""), new Rng(3), p -> { }));
    }

    @Test
    void generationStopsAfterTheStopString() {
        String text = sampler.generate("a", new SamplingConfig(500, 1.5f, 0, 1f, Decoding.SAMPLE, "a"), new Rng(4), p -> { });
        assertTrue(text.endsWith("a") && text.indexOf('a') == text.length() - 1, text);
    }

    @Test
    void badSettingsAndUnknownPrimeCharactersAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SamplingConfig(10, 0f, 0, 1f, Decoding.SAMPLE, ""));
        assertThrows(IllegalArgumentException.class, () -> new SamplingConfig(10, 1f, 0, 0f, Decoding.SAMPLE, ""));
        assertThrows(IllegalArgumentException.class, () -> new SamplingConfig(10, 1f, 0, 1.5f, Decoding.SAMPLE, ""));
        var e = assertThrows(InvalidInputException.class,
                () -> sampler.generate("xyz", new SamplingConfig(5, 1f, 0, 1f, Decoding.SAMPLE, ""), new Rng(1), p -> { }));
        assertTrue(e.getMessage().startsWith("the prime text has 3 character(s) the model never saw"), e.getMessage());
    }

    /** Large enough that every matrix–vector product is split across the threads. */
    @Test
    void oneAndTwoThreadsDrawTheSameText() {
        SequenceModel model = new SequenceModel(new ModelConfig(Cells.of("lstm"), vocabulary.size(), 32, 256, 2, 0f),
                KernelProvider.kernels());
        Initializer.initialize(model, new Initialization(InitScheme.UNIFORM, 0.2f, 0f, false), new Rng(12));
        var config = new SamplingConfig(300, 1f, 0, 1f, Decoding.SAMPLE, "");
        try {
            Parallel.setThreads(1);
            String oneThread = new Sampler(model, vocabulary).generate("ab", config, new Rng(8), p -> { });
            Parallel.setThreads(2);
            assertEquals(oneThread, new Sampler(model, vocabulary).generate("ab", config, new Rng(8), p -> { }));
        } finally {
            Parallel.setThreads(Runtime.getRuntime().availableProcessors());
        }
    }

    private SequenceModel model() {
        SequenceModel model = new SequenceModel(new ModelConfig(Cells.of("gru"), vocabulary.size(), 6, 12, 2, 0f), KernelProvider.kernels());
        Initializer.initialize(model, new Initialization(InitScheme.UNIFORM, 0.8f, 0f, false), new Rng(3));
        return model;
    }
}
