package org.rnn4j.nlp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rnn4j.io.Json;

/**
 * How a word model cuts text into tokens. Its JSON form, e.g. {@code {"level":"word","mode":"opennlp","lowercase":true}},
 * is meant for a checkpoint's {@code tokenizer} metadata (where character models write {@code {"level":"char"}}),
 * so that sampling and scoring cut text exactly as training did.
 */
public record Tokenization(TokenizerMode mode, Casing casing) {

    private static final String LEVEL = "word";

    public Tokenization {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(casing, "casing");
    }

    /** A tokenizer of this mode and casing. */
    public Tokenizer tokenizer() {
        return switch (mode) {
            case OPENNLP -> new OpenNlpTokenizer(casing);
            case WHITESPACE -> new WhitespaceTokenizer(casing);
        };
    }

    /** The checkpoint's {@code tokenizer} JSON object. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("level", LEVEL);
        json.put("mode", mode.id());
        json.put("lowercase", casing == Casing.LOWERCASE);
        return json;
    }

    /** Reads {@link #toJson()}'s form; throws {@link IllegalArgumentException} naming the bad key. */
    public static Tokenization fromJson(Map<String, Object> json) {
        if (!LEVEL.equals(json.get("level"))) {
            throw new IllegalArgumentException("tokenizer \"level\" is " + Json.write(json.get("level")) + ", not \"" + LEVEL + "\"");
        }
        if (!(json.get("mode") instanceof String mode)) {
            throw new IllegalArgumentException("tokenizer \"mode\" is missing or not a string");
        }
        if (Arrays.stream(TokenizerMode.values()).noneMatch(known -> known.id().equals(mode))) {
            throw new IllegalArgumentException("tokenizer \"mode\" is " + Json.write(mode) + ", not \"opennlp\" or \"whitespace\"");
        }
        if (!(json.get("lowercase") instanceof Boolean lowercase)) {
            throw new IllegalArgumentException("tokenizer \"lowercase\" is missing or not true/false");
        }
        return new Tokenization(TokenizerMode.fromId(mode), lowercase ? Casing.LOWERCASE : Casing.AS_WRITTEN);
    }
}
