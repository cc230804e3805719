package org.rnn4j.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a corpus was made from, as a checkpoint records it so that a resumed run reads the same data: the
 * text, the separate validation text ({@code null} when validation is cut from the text), the split
 * fractions and, for words, the vocabulary's cap ({@code 0} for characters).
 */
public record CorpusSource(TextFingerprint text, TextFingerprint validationText, double trainFraction,
                           double validationFraction, int vocabularyLimit) {

    public CorpusSource {
        if (text == null) {
            throw new IllegalArgumentException("a corpus source needs its text's fingerprint");
        }
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", text.toJson());
        json.put("validation_text", validationText == null ? null : validationText.toJson());
        json.put("train_fraction", trainFraction);
        json.put("validation_fraction", validationFraction);
        json.put("vocabulary_limit", vocabularyLimit);
        return json;
    }

    /** Reads {@link #toJson()}'s form; throws {@link IllegalArgumentException} naming the bad key. */
    public static CorpusSource fromJson(Map<String, Object> json) {
        return new CorpusSource(TextFingerprint.fromJson(object(json, "text")),
                json.get("validation_text") == null ? null : TextFingerprint.fromJson(object(json, "validation_text")),
                number(json, "train_fraction").doubleValue(), number(json, "validation_fraction").doubleValue(),
                number(json, "vocabulary_limit").intValue());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof Map<?, ?> value)) {
            throw new IllegalArgumentException("data \"" + key + "\" is missing or not an object");
        }
        return (Map<String, Object>) value;
    }

    private static Number number(Map<String, Object> json, String key) {
        if (!(json.get(key) instanceof Number value)) {
            throw new IllegalArgumentException("data \"" + key + "\" is missing or not a number");
        }
        return value;
    }
}
