package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.nlp.Detokenizer;
import org.rnn4j.nlp.Tokenization;
import org.rnn4j.random.Rng;
import org.rnn4j.sample.Decoding;
import org.rnn4j.sample.Sampler;
import org.rnn4j.sample.SamplingConfig;
import org.rnn4j.sample.SentenceGenerator;
import org.rnn4j.text.Vocabulary;
import org.rnn4j.head.lm.LanguageModelHead;
import org.rnn4j.train.Checkpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j sample}: generates text from a checkpoint, streaming it to stdout; from a word model,
 * {@code --count} sentences, one per line, detokenized.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Generate text from a trained model, streamed to stdout; word models write whole sentences, one per line.")
final class SampleCommand implements Runnable {

    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "Checkpoint to sample from")
    Path checkpoint;

    @Option(names = "--prime", description = "Text that starts the sample (default: a newline; word models: nothing, the sentence start)", defaultValue = "")
    String prime;

    @Option(names = "--length", description = "Characters per sample (default: 1000); word models: most words per sentence (default: 60)")
    Integer length;

    @Option(names = "--min-length", description = "Word models: fewest words per sentence (default: 1)")
    Integer minLength;

    @Option(names = "--temperature", description = "Divide logits by this; lower is more conservative, 0 = greedy (default: ${DEFAULT-VALUE})", defaultValue = "0.8")
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

    @Option(names = "--count", description = "Number of samples, drawn up to 16 at a time as parallel streams (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int count;

    @Mixin
    Threads threads;

    /** Streams sampled together: one step is a thin matrix product instead of N matrix-vector products. */
    private static final int BATCH = 16;

    @Override
    public void run() {
        threads.apply();
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, got " + count);
        }
        if (!(temperature >= 0f && Float.isFinite(temperature))) {
            throw new IllegalArgumentException("--temperature must be 0 (greedy) or a finite positive number, got " + temperature);
        }
        Checkpoint loaded = ModelLoader.load(checkpoint, LanguageModelHead.ID);
        boolean argmax = greedy || temperature == 0f;
        var config = new SamplingConfig(length != null ? length : loaded.words() ? 60 : 1000, argmax ? 1f : temperature,
                topK, topP, argmax ? Decoding.GREEDY : Decoding.SAMPLE, stop);
        // every option and the prime are checked before the first character reaches stdout
        List<String> primeWords = List.of();
        if (loaded.words()) {
            primeWords = primeWords(loaded, config);
        } else {
            checkCharacterOptions(loaded);
        }
        SequenceModel model = ModelLoader.load(loaded);
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        Rng rng = new Rng(seed);
        if (loaded.words()) {
            sampleSentences(model, loaded, primeWords, config, rng, out);
            return;
        }
        if (count == 1) {
            out.print(prime);
            new Sampler(model, loaded.vocabulary()).generate(prime, config, rng, piece -> {
                out.print(piece);
                if (piece.equals("\n")) {
                    out.flush();
                }
            });
        } else {
            sampleInBatches(model, loaded, config, rng, out);
        }
        out.println();
        out.flush();
    }

    /** Refuses the word-model options and a prime with characters the model never saw. */
    private void checkCharacterOptions(Checkpoint loaded) {
        if (minLength != null) {
            throw new IllegalArgumentException("--min-length applies to word models; a character model's sample is --length characters long");
        }
        loaded.vocabulary().encodeCodePoints(prime, "the prime text");
    }

    /**
     * Checks the word-model options and cuts the prime into words with the checkpoint's tokenizer; names on
     * stderr the words the model will read as unknown.
     */
    private List<String> primeWords(Checkpoint loaded, SamplingConfig config) {
        if (fewestWords() < 0 || fewestWords() > config.length()) {
            throw new IllegalArgumentException("--min-length must be between 0 and --length (" + config.length() + "), got " + fewestWords());
        }
        if (!stop.isEmpty()) {
            throw new IllegalArgumentException("--stop applies to character models; a word model's sentence stops at its end token");
        }
        List<String> words = prime.isBlank() ? List.of()
                : Tokenization.fromJson(loaded.tokenizer()).tokenizer().sentences(prime, "the prime text").stream()
                        .flatMap(List::stream).toList();
        List<String> unknown = words.stream().filter(word -> !loaded.vocabulary().contains(word)).distinct().toList();
        if (!unknown.isEmpty()) {
            System.err.println("note: the model reads the prime's " + (unknown.size() == 1 ? "word " : "words ")
                    + unknown.stream().map(word -> "'" + word + "'").collect(Collectors.joining(", "))
                    + " as " + Vocabulary.UNKNOWN + ": it never saw " + (unknown.size() == 1 ? "it" : "them") + " in training");
        }
        return words;
    }

    private int fewestWords() {
        return minLength != null ? minLength : 1;
    }

    /** {@code count} sentences, BATCH at a time, each detokenized on a line of its own. */
    private void sampleSentences(SequenceModel model, Checkpoint loaded, List<String> primeWords, SamplingConfig config, Rng rng,
                                 PrintStream out) {
        SentenceGenerator generator = null;
        for (int done = 0; done < count; ) {
            int streams = Math.min(BATCH, count - done);
            if (generator == null || generator.streams() != streams) {
                generator = new SentenceGenerator(model, loaded.vocabulary(), streams, loaded.batching().sentenceStart());
            }
            for (List<String> sentence : generator.generate(primeWords, fewestWords(), config, rng)) {
                out.println(Detokenizer.detokenize(sentence));
                done++;
            }
            out.flush();
        }
    }

    /** Several samples drawn as parallel streams, BATCH at a time, each printed once complete. */
    private void sampleInBatches(SequenceModel model, Checkpoint loaded, SamplingConfig config, Rng rng, PrintStream out) {
        Sampler sampler = null;
        for (int done = 0; done < count; ) {
            int streams = Math.min(BATCH, count - done);
            if (sampler == null || sampler.streams() != streams) {
                sampler = new Sampler(model, loaded.vocabulary(), streams);
            }
            for (String text : sampler.generate(prime, config, rng, (stream, piece) -> { })) {
                if (done++ > 0) {
                    out.print("\n\n");
                }
                out.print(prime);
                out.print(text);
            }
            out.flush();
        }
    }
}
