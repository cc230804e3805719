package org.rnn4j.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Vocabulary;

/**
 * Generates text one token at a time for N streams at once, feeding each draw back in: the prime text
 * sets the state, then every step draws each stream's next token from softmax(logits/τ) restricted by
 * top-k and top-p. One step is one (1, N) forward: matrix–vector work for one stream, a thin matrix
 * product for several. Buffers are allocated once; {@link #next} allocates nothing.
 */
public final class Sampler {

    /** Receives each generated piece of text, with the stream it belongs to. */
    @FunctionalInterface
    public interface PieceListener {
        void accept(int stream, String piece);
    }

    private final SequenceModel model;
    private final Vocabulary vocabulary;
    private final int streams;
    private final Workspace step;         // (1, N) one token per stream
    private final RecurrentState state;   // N rows
    private final int[] tokens;           // (N) each stream's latest token
    private final float[] probabilities;  // (V)
    private final long[] ranked;          // (V) probability bits << 32 | token, for top-k/top-p
    private final boolean[] forbidden;    // (V) tokens never drawn

    /** A sampler of one stream. */
    public Sampler(SequenceModel model, Vocabulary vocabulary) {
        this(model, vocabulary, 1);
    }

    public Sampler(SequenceModel model, Vocabulary vocabulary, int streams) {
        if (streams < 1) {
            throw new IllegalArgumentException("a sampler needs at least one stream, got " + streams);
        }
        this.model = model;
        this.vocabulary = vocabulary;
        this.streams = streams;
        this.step = model.inferenceWorkspace(1, streams);
        this.state = model.newState(streams);
        this.tokens = new int[streams];
        this.probabilities = new float[vocabulary.size()];
        this.ranked = new long[vocabulary.size()];
        this.forbidden = new boolean[vocabulary.size()];
    }

    /** Whether the following draws may pick {@code token}; every token may at first. */
    public void forbid(int token, boolean forbid) {
        forbidden[token] = forbid;
    }

    public int streams() {
        return streams;
    }

    /**
     * Resets every stream and feeds it {@code prime} (a newline when empty and the vocabulary has one, else
     * one random token), one token per step: the next draw continues it. Picks up the model's current
     * parameters, so one sampler serves a model that is still training.
     */
    public void start(String prime, Rng rng) {
        start(primeTokens(prime, rng));
    }

    /** Resets every stream and feeds it the token ids {@code ids} (at least one): the next draw continues them. */
    public void start(int[] ids) {
        model.refreshProjection(step);
        state.reset();
        for (int t = 0; t < ids.length - 1; t++) {
            Arrays.fill(step.inputs(), 0, streams, ids[t]);
            model.logits(step, state, Mode.EVALUATION, null);
        }
        Arrays.fill(tokens, ids[ids.length - 1]);
    }

    /** Draws every stream's next token; the returned (N) ids are valid until the next call. */
    public int[] next(SamplingConfig config, Rng rng) {
        System.arraycopy(tokens, 0, step.inputs(), 0, streams);
        float[] logits = model.logits(step, state, Mode.EVALUATION, null);
        int v = probabilities.length;
        for (int n = 0; n < streams; n++) {
            tokens[n] = choose(logits, n * v, config, rng);
        }
        return tokens;
    }

    /**
     * Starts from {@code prime} and streams up to {@code config.length()} tokens of each stream to
     * {@code out}; a stream that ends with the stop text emits nothing more. Returns the N texts.
     */
    public List<String> generate(String prime, SamplingConfig config, Rng rng, PieceListener out) {
        start(prime, rng);
        StringBuilder[] texts = new StringBuilder[streams];
        for (int n = 0; n < streams; n++) {
            texts[n] = new StringBuilder();
        }
        int running = streams;
        boolean[] stopped = new boolean[streams];
        for (int i = 0; i < config.length() && running > 0; i++) {
            int[] drawn = next(config, rng);
            for (int n = 0; n < streams; n++) {
                if (stopped[n]) {
                    continue;
                }
                String piece = vocabulary.token(drawn[n]);
                texts[n].append(piece);
                out.accept(n, piece);
                if (!config.stop().isEmpty() && endsWith(texts[n], config.stop())) {
                    stopped[n] = true;
                    running--;
                }
            }
        }
        List<String> result = new ArrayList<>(streams);
        for (StringBuilder text : texts) {
            result.add(text.toString());
        }
        return result;
    }

    /** {@link #generate(String, SamplingConfig, Rng, PieceListener)} for a sampler of one stream. */
    public String generate(String prime, SamplingConfig config, Rng rng, Consumer<String> out) {
        if (streams != 1) {
            throw new IllegalStateException("this sampler runs " + streams + " streams; use the multi-stream generate");
        }
        return generate(prime, config, rng, (stream, piece) -> out.accept(piece)).get(0);
    }

    private int[] primeTokens(String prime, Rng rng) {
        if (!prime.isEmpty()) {
            return vocabulary.encodeCodePoints(prime, "the prime text");
        }
        if (vocabulary.contains("\n")) {
            return vocabulary.encodeCodePoints("\n", "the prime text");
        }
        return new int[] {(int) Math.floorMod(rng.nextLong(), (long) vocabulary.size())};
    }

    /** Picks the next token from the V logits at {@code logits[offset..]}. */
    private int choose(float[] logits, int offset, SamplingConfig config, Rng rng) {
        int v = probabilities.length;
        if (config.decoding() == Decoding.GREEDY) {
            int best = -1;
            for (int i = 0; i < v; i++) {
                if (!forbidden[i] && (best < 0 || logits[offset + i] > logits[offset + best])) {
                    best = i;
                }
            }
            return best;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            max = forbidden[i] ? max : Math.max(max, logits[offset + i]);
        }
        float sum = 0f;
        for (int i = 0; i < v; i++) {
            probabilities[i] = forbidden[i] ? 0f : (float) Math.exp((logits[offset + i] - max) / config.temperature());
            sum += probabilities[i];
        }
        for (int i = 0; i < v; i++) {
            probabilities[i] /= sum;
        }
        if (config.topK() > 0 && config.topK() < v || config.topP() < 1f) {
            restrict(config.topK() > 0 ? Math.min(config.topK(), v) : v, config.topP());
        }
        double u = rng.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < v; i++) {
            if (probabilities[i] > 0f) {
                cumulative += probabilities[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    // keep the k most likely tokens, then the smallest prefix of them whose mass reaches p; renormalise
    private void restrict(int k, float p) {
        int v = probabilities.length;
        for (int i = 0; i < v; i++) {
            // non-negative floats order like their bit patterns; negate to sort descending
            ranked[i] = -(((long) Float.floatToRawIntBits(probabilities[i]) << 32) | (0xFFFFFFFFL - i));
        }
        Arrays.sort(ranked);
        float kept = 0f;
        int keep = 0;
        while (keep < k && (keep == 0 || kept < p)) {
            kept += probabilities[token(ranked[keep])];
            keep++;
        }
        for (int i = keep; i < v; i++) {
            probabilities[token(ranked[i])] = 0f;
        }
        for (int i = 0; i < keep; i++) {
            probabilities[token(ranked[i])] /= kept;
        }
    }

    private static int token(long rankedEntry) {
        return (int) (0xFFFFFFFFL - ((-rankedEntry) & 0xFFFFFFFFL));
    }

    private static boolean endsWith(StringBuilder text, String suffix) {
        int start = text.length() - suffix.length();
        return start >= 0 && text.indexOf(suffix, start) == start;
    }
}
