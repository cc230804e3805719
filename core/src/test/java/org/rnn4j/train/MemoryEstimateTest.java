package org.rnn4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.Batching;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.optim.OptimizerConfig;
import org.rnn4j.optim.OptimizerKind;
import org.rnn4j.optim.ScheduleConfig;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.Vocabulary;

/** The memory a run is refused by: counted before allocating, within 20% of what a run really allocates. */
class MemoryEstimateTest {

    private static final String TEXT = "the quick brown fox jumps over the lazy dog, then sleeps. ".repeat(400);

    @AfterEach
    void restoreThreads() {
        Parallel.setThreads(Runtime.getRuntime().availableProcessors());
    }

    static Stream<Arguments> runs() {
        int v = Vocabulary.ofCodePoints(TEXT).size();
        return Stream.of(
                Arguments.of(new ModelConfig(Cells.of("lstm"), v, 16, 128, 2, 0f), OptimizerKind.ADAM, 16, 32),
                Arguments.of(new ModelConfig(Cells.of("gru"), v, 0, 96, 3, 0.2f), OptimizerKind.MOMENTUM, 8, 20),
                Arguments.of(new ModelConfig(Cells.of("rnn"), v, 32, 200, 1, 0.1f), OptimizerKind.SGD, 12, 25),
                Arguments.of(new ModelConfig(Cells.of("lstm"), v, 64, 64, 2, 0f, true), OptimizerKind.ADAMW, 8, 16),
                Arguments.of(new ModelConfig(Cells.of("lstm"), v, 32, 128, 2, 0f), OptimizerKind.ADAM, 64, 130), // shared activations
                Arguments.of(new ModelConfig(Cells.of("lstm-peephole"), v, 32, 128, 2, 0f), OptimizerKind.ADAM, 16, 32),
                Arguments.of(new ModelConfig(Cells.of("mut1"), v, 96, 96, 2, 0.1f), OptimizerKind.ADAM, 16, 32),
                Arguments.of(new ModelConfig(Cells.of("mut3"), v, 0, 128, 2, 0f), OptimizerKind.ADAM, 16, 32),
                Arguments.of(new ModelConfig(Cells.of("mrnn").with(Map.of("factors", 200)), v, 32, 96, 2, 0f), OptimizerKind.ADAM, 16, 32));
    }

    @ParameterizedTest(name = "{0} {1} B={2} T={3}")
    @MethodSource("runs")
    void theEstimateMatchesWhatARunAllocates(ModelConfig model, OptimizerKind optimizer, int batchSize, int seqLength) {
        Parallel.setThreads(1); // every allocation on this thread, where it is measured
        Vocabulary vocabulary = Vocabulary.ofCodePoints(TEXT);
        Corpus corpus = Corpus.ofCharacters(TEXT, "the test text", vocabulary, 0.8, 0.2);
        TrainConfig config = new TrainConfig(Batching.STREAM, batchSize, seqLength, 1, 1, 0, 0, OptimizerConfig.defaults(optimizer),
                0.01f, ScheduleConfig.constant(), 5f, 0f, 10, 0, 1, Initialization.pytorch(), 1, 0);
        KernelProvider.kernels();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();

        long before = threads.getThreadAllocatedBytes(id);
        SequenceModel languageModel = new SequenceModel(model, KernelProvider.kernels());
        Trainer trainer = new Trainer(languageModel, new CorpusTraining(corpus), config, null, new TrainingListener() { }, null);
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        long estimate = Trainer.memory(model, config, corpus.validation().length()).bytes();
        assertTrue(Math.abs(estimate - allocated) <= 0.2 * allocated,
                () -> "estimated " + estimate + " bytes, allocated " + allocated);
        assertEquals(0, trainer.progress().step());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theLayoutSizeIsCountedWithoutTheLayout(ModelConfig model) {
        assertEquals(ModelLayout.of(model).size(), ModelLayout.size(model));
    }

    @Test
    void aModelTooLargeForAnArrayIsMeasuredWithoutOverflow() {
        ModelConfig huge = new ModelConfig(Cells.of("lstm"), 65, 64, 100_000, 2, 0f);
        MemoryEstimate memory = Trainer.memory(huge, new TrainConfig(Batching.STREAM, 32, 100, 1, 1, 0, 0,
                OptimizerConfig.defaults(OptimizerKind.ADAM), 0.01f, ScheduleConfig.constant(), 5f, 0f, 10, 0, 1,
                Initialization.pytorch(), 1, 0), 1000);
        long parameters = 4L * 100_000 * (64 + 100_000) + 4L * 100_000 * 2 * 100_000; // W_ih and W_hh of both layers
        assertTrue(memory.bytes() > 4 * 4L * parameters, "four (P) buffers of floats: " + memory.bytes());
        assertFalse(memory.arraysFit());
        assertEquals("the parameters", memory.longestArray());
        assertEquals(Long.MAX_VALUE, MemoryEstimate.product(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE));
    }
}
