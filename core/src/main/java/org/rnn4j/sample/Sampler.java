package org.rnn4j.sample;

import java.util.Arrays;
import java.util.function.Consumer;
import org.rnn4j.model.LanguageModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Vocabulary;

/**
 * Generates text one token at a time, feeding each sample back in: the prime text sets the state, then
 * every step draws from softmax(logits/τ) restricted by top-k and top-p. Buffers are allocated once.
 */
public final class Sampler {

    private final LanguageModel model;
    private final Vocabulary vocabulary;
    private final Workspace step;         // (1, 1) one token
    private final RecurrentState state;
    private final float[] probabilities;  // (V)
    private final long[] ranked;          // (V) probability bits << 32 | token, for top-k/top-p

    public Sampler(LanguageModel model, Vocabulary vocabulary) {
        this.model = model;
        this.vocabulary = vocabulary;
        this.step = model.workspace(1, 1);
        this.state = model.newState(1);
        this.probabilities = new float[vocabulary.size()];
        this.ranked = new long[vocabulary.size()];
    }

    /**
     * Primes with {@code prime} (a newline when empty and the vocabulary has one, else a random token),
     * then streams up to {@code config.length()} tokens to {@code out}; returns the generated text.
     */
    public String generate(String prime, SamplingConfig config, Rng rng, Consumer<String> out) {
        state.reset();
        int[] primeIds = primeTokens(prime, rng);
        Workspace primer = primeIds.length > 1 ? model.workspace(primeIds.length - 1, 1) : null;
        if (primer != null) {
            System.arraycopy(primeIds, 0, primer.inputs(), 0, primeIds.length - 1);
            model.logits(primer, state, Mode.EVALUATION, null);
        }
        int token = primeIds[primeIds.length - 1];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < config.length(); i++) {
            step.inputs()[0] = token;
            float[] logits = model.logits(step, state, Mode.EVALUATION, null);
            token = choose(logits, config, rng);
            String piece = vocabulary.token(token);
            text.append(piece);
            out.accept(piece);
            if (!config.stop().isEmpty() && endsWith(text, config.stop())) {
                break;
            }
        }
        return text.toString();
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

    /** Picks the next token from the (V) logits. */
    int choose(float[] logits, SamplingConfig config, Rng rng) {
        int v = probabilities.length;
        if (config.decoding() == Decoding.GREEDY) {
            int best = 0;
            for (int i = 1; i < v; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < v; i++) {
            max = Math.max(max, logits[i]);
        }
        float sum = 0f;
        for (int i = 0; i < v; i++) {
            probabilities[i] = (float) Math.exp((logits[i] - max) / config.temperature());
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
