package org.rnn4j.sample;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.rnn4j.InputContract;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.random.Rng;
import org.rnn4j.train.Checkpoint;

/**
 * Coverage-guided fuzzing of a prime text (rnn4j sample --prime) fed to a character model that knows three
 * characters: it is sampled from, or refused with one line naming the characters the model never saw.
 */
class PrimeFuzzTest {

    private static Checkpoint checkpoint;
    private static SequenceModel model;

    @BeforeAll
    static void loadModel() throws Exception {
        checkpoint = Checkpoint.load(Path.of(PrimeFuzzTest.class.getResource(
                "/org/rnn4j/train/CheckpointFuzzTestInputs/load/tiny-rnn.safetensors").toURI()));
        model = new SequenceModel(checkpoint.model(), new ScalarKernels());
        checkpoint.loadInto(model);
    }

    @FuzzTest(maxExecutions = 1_000_000, maxDuration = "30m")
    void prime(byte[] input) throws Exception {
        String prime = new String(input, StandardCharsets.UTF_8);
        var config = new SamplingConfig(2, 1f, 0, 1f, Decoding.SAMPLE, "");
        InputContract.parsesOrRefuses(() -> new Sampler(model, checkpoint.vocabulary()).generate(prime, config, new Rng(1), piece -> { }));
    }
}
