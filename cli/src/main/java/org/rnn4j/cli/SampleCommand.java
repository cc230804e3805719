package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.rnn4j.model.LanguageModel;
import org.rnn4j.random.Rng;
import org.rnn4j.sample.Decoding;
import org.rnn4j.sample.Sampler;
import org.rnn4j.sample.SamplingConfig;
import org.rnn4j.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j sample}: generates text from a checkpoint, streaming it to stdout. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate text from a trained model, streamed to stdout.")
final class SampleCommand implements Runnable {

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "Checkpoint to sample from")
    Path checkpoint;

    @Option(names = "--prime", description = "Text that starts the sample (default: a newline)", defaultValue = "")
    String prime;

    @Option(names = "--length", description = "Characters to generate per sample (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    int length;

    @Option(names = "--temperature", description = "Divide logits by this; lower is more conservative (default: ${DEFAULT-VALUE})", defaultValue = "0.8")
    float temperature;

    @Option(names = "--top-k", description = "Sample among the k most likely characters; 0 = all (default: ${DEFAULT-VALUE})", defaultValue = "0")
    int topK;

    @Option(names = "--top-p", description = "Sample from the smallest set with this much probability (default: ${DEFAULT-VALUE})", defaultValue = "1")
    float topP;

    @Option(names = "--greedy", description = "Always take the most likely character")
    boolean greedy;

    @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--stop", description = "Stop a sample once it ends with this text", defaultValue = "")
    String stop;

    @Option(names = "--count", description = "Number of samples (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int count;

    @Mixin
    Threads threads;

    @Override
    public void run() {
        threads.apply();
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        var config = new SamplingConfig(length, temperature, topK, topP, greedy ? Decoding.GREEDY : Decoding.SAMPLE, stop);
        Checkpoint loaded = Checkpoint.load(checkpoint);
        LanguageModel model = ModelLoader.load(loaded);
        Sampler sampler = new Sampler(model, loaded.vocabulary());
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Rng rng = new Rng(seed);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                out.print("\n\n");
            }
            out.print(prime);
            sampler.generate(prime, config, rng, piece -> {
                out.print(piece);
                if (piece.equals("\n")) {
                    out.flush();
                }
            });
            out.flush();
        }
        out.println();
        out.flush();
    }
}
