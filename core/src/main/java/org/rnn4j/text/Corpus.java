package org.rnn4j.text;

import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;

/**
 * A text encoded as token ids with its vocabulary, split into train, validation and test, each held in
 * memory or in a mapped {@link TokenFile} ({@link CorpusFile}). {@code tokenizer} says how text becomes
 * tokens, as a checkpoint records it: {@code {"level":"char"}} for characters; word models add their
 * tokenizer's settings. {@code source} says what text and split it was made from.
 */
public record Corpus(Vocabulary vocabulary, Map<String, Object> tokenizer, TokenArray train, TokenArray validation,
                     TokenArray test, CorpusSource source) {

    /** The tokenizer settings of a character model. */
    public static final Map<String, Object> CHARACTERS = Map.of("level", "char");

    /**
     * Encodes {@code text} with a code-point vocabulary (or {@code vocabulary} when resuming) and splits
     * it: the first {@code trainFraction} trains, the next {@code validationFraction} validates, the rest tests.
     * {@code source} names where the text was read.
     */
    public static Corpus ofCharacters(String text, String source, Vocabulary vocabulary, double trainFraction,
                                      double validationFraction) {
        return ofCharacters(text, TextFingerprint.of(text, source), vocabulary, trainFraction, validationFraction);
    }

    /** {@link #ofCharacters(String, String, Vocabulary, double, double)} of a text whose fingerprint is already known. */
    public static Corpus ofCharacters(String text, TextFingerprint fingerprint, Vocabulary vocabulary, double trainFraction,
                                      double validationFraction) {
        TokenArray ids = TokenArray.of(vocabulary.encodeCodePoints(text, "the corpus"));
        long[] ends = splitPoints(ids.length(), trainFraction, validationFraction);
        return new Corpus(vocabulary, CHARACTERS, ids.slice(0, ends[0]), ids.slice(ends[0], ends[1]), ids.slice(ends[1], ids.length()),
                new CorpusSource(fingerprint, null, trainFraction, validationFraction, 0));
    }

    /**
     * Encodes sentences of words as one stream, each sentence followed by {@link Vocabulary#SENTENCE_END}
     * and words outside the vocabulary as {@link Vocabulary#UNKNOWN}.
     */
    public static Corpus ofSentences(Vocabulary vocabulary, Map<String, Object> tokenizer, List<List<String>> train,
                                     List<List<String>> validation, List<List<String>> test, CorpusSource source) {
        return new Corpus(vocabulary, tokenizer, TokenArray.of(encodeSentences(vocabulary, train)),
                TokenArray.of(encodeSentences(vocabulary, validation)), TokenArray.of(encodeSentences(vocabulary, test)), source);
    }

    /** The stream encoding of {@link #ofSentences}. */
    public static int[] encodeSentences(Vocabulary vocabulary, List<List<String>> sentences) {
        int end = vocabulary.id(Vocabulary.SENTENCE_END);
        int[] ids = new int[sentences.stream().mapToInt(sentence -> sentence.size() + 1).sum()];
        int at = 0;
        for (List<String> sentence : sentences) {
            for (String word : sentence) {
                ids[at++] = vocabulary.wordId(word);
            }
            ids[at++] = end;
        }
        return ids;
    }

    /** {@code items} cut into the first {@code trainFraction}, the next {@code validationFraction} and the rest. */
    public static <T> List<List<T>> split(List<T> items, double trainFraction, double validationFraction) {
        long[] ends = splitPoints(items.size(), trainFraction, validationFraction);
        return List.of(items.subList(0, (int) ends[0]), items.subList((int) ends[0], (int) ends[1]), items.subList((int) ends[1], items.size()));
    }

    /**
     * Where {@code length} items are cut: the first {@code trainFraction} (rounded) train, up to the first
     * trainFraction + validationFraction validate. Refuses fractions that do not describe a split.
     */
    static long[] splitPoints(long length, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0 && validationFraction >= 0 && trainFraction + validationFraction <= 1.0 + 1e-9)) {
            throw new InvalidInputException("split fractions must satisfy train > 0, validation ≥ 0 and train + validation ≤ 1; got "
                    + trainFraction + " and " + validationFraction);
        }
        long trainEnd = Math.round(length * trainFraction);
        long validationEnd = Math.min(length, Math.round(length * (trainFraction + validationFraction)));
        return new long[] {trainEnd, validationEnd};
    }

    /** True for a word model's corpus. */
    public boolean words() {
        return words(tokenizer);
    }

    /** True when tokenizer settings (a corpus's or a checkpoint's) describe word tokens. */
    public static boolean words(Map<String, Object> tokenizer) {
        return "word".equals(tokenizer.get("level"));
    }

    /** The share of the training split's words (sentence ends aside) that are {@link Vocabulary#UNKNOWN}: one pass over it. */
    public double unknownShare() {
        int unknown = vocabulary.id(Vocabulary.UNKNOWN);
        int end = vocabulary.id(Vocabulary.SENTENCE_END);
        long words = 0;
        long unknowns = 0;
        for (long at = 0; at < train.length(); at++) {
            int id = train.get(at);
            words += id != end ? 1 : 0;
            unknowns += id == unknown ? 1 : 0;
        }
        return words == 0 ? 0 : unknowns / (double) words;
    }
}
