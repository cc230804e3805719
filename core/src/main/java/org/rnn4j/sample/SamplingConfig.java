package org.rnn4j.sample;

/**
 * What to generate: {@code length} tokens, drawn with temperature τ (logits/τ), restricted to the
 * {@code topK} most likely tokens (0 = all) and to the smallest set whose probability reaches
 * {@code topP} (1 = all), or greedily; generation ends early after {@code stop} (empty = never).
 */
public record SamplingConfig(int length, float temperature, int topK, float topP, Decoding decoding, String stop) {

    public SamplingConfig {
        if (length < 0) {
            throw new IllegalArgumentException("length must be zero or positive, got " + length);
        }
        if (!(temperature > 0f && Float.isFinite(temperature))) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature + " (greedy decoding takes the argmax)");
        }
        if (topK < 0) {
            throw new IllegalArgumentException("top-k must be zero (all tokens) or positive, got " + topK);
        }
        if (!(topP > 0f && topP <= 1f)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        stop = stop == null ? "" : stop;
    }
}
