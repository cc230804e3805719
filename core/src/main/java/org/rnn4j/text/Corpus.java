package org.rnn4j.text;

import java.util.Arrays;
import org.rnn4j.InvalidInputException;

/** A text encoded as token ids with its vocabulary, split by position into train, validation and test. */
public record Corpus(Vocabulary vocabulary, int[] train, int[] validation, int[] test) {

    /**
     * Encodes {@code text} with a code-point vocabulary (or {@code vocabulary} when resuming) and splits
     * it: the first {@code trainFraction} trains, the next {@code validationFraction} validates, the rest tests.
     */
    public static Corpus ofCharacters(String text, Vocabulary vocabulary, double trainFraction, double validationFraction) {
        if (!(trainFraction > 0 && validationFraction >= 0 && trainFraction + validationFraction <= 1.0 + 1e-9)) {
            throw new InvalidInputException("split fractions must satisfy train > 0, validation ≥ 0 and train + validation ≤ 1; got "
                    + trainFraction + " and " + validationFraction);
        }
        int[] ids = vocabulary.encodeCodePoints(text, "the corpus");
        int trainEnd = (int) Math.round(ids.length * trainFraction);
        int validationEnd = Math.min(ids.length, (int) Math.round(ids.length * (trainFraction + validationFraction)));
        return new Corpus(vocabulary, Arrays.copyOfRange(ids, 0, trainEnd), Arrays.copyOfRange(ids, trainEnd, validationEnd),
                Arrays.copyOfRange(ids, validationEnd, ids.length));
    }
}
