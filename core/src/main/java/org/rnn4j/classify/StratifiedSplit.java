package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.random.Rng;

/**
 * A split of N examples into training and validation that keeps each class's share on both sides. Each
 * class c with n_c examples gives round(f·n_c) of them, clamped to [1, n_c − 1], to validation, drawn by a
 * seeded shuffle of its examples; so every class is on both sides. The same classes, fraction and seed give
 * the same split. Both index arrays are in ascending order.
 *
 * @param train      indices of the training examples, ascending
 * @param validation indices of the validation examples, ascending
 */
public record StratifiedSplit(int[] train, int[] validation) {

    /**
     * Splits the examples whose classes are {@code classOf} (N), each in [0, C) with C = {@code classNames}'s
     * size, sending about {@code validationFraction} of each class to validation. Refuses, naming the class, a
     * task with fewer than two classes and a class with fewer than two examples.
     */
    public static StratifiedSplit of(int[] classOf, List<String> classNames, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new InvalidInputException("the validation fraction must be between 0 and 1 (exclusive), got " + validationFraction);
        }
        int c = classNames.size();
        List<List<Integer>> members = new ArrayList<>(c); // the examples of each class, in index order
        for (int k = 0; k < c; k++) {
            members.add(new ArrayList<>());
        }
        for (int n = 0; n < classOf.length; n++) {
            members.get(classOf[n]).add(n);
        }
        if (c < 2) {
            throw new InvalidInputException("the data has a single class" + (c == 1 ? ", '" + classNames.getFirst() + "'," : "")
                    + " and a classifier needs at least two; add examples of another class");
        }
        for (int k = 0; k < c; k++) {
            if (members.get(k).size() < 2) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "class '%s' has %d example(s), too few to have one in training and one in validation; give it at least two or leave it out",
                        classNames.get(k), members.get(k).size()));
            }
        }
        Rng rng = new Rng(seed);
        int[] train = new int[classOf.length];
        int[] validation = new int[classOf.length];
        int trainCount = 0;
        int validationCount = 0;
        for (List<Integer> indices : members) {
            int[] shuffled = indices.stream().mapToInt(Integer::intValue).toArray();
            shuffle(shuffled, rng);
            int held = (int) Math.max(1, Math.min(shuffled.length - 1, Math.round(validationFraction * shuffled.length)));
            for (int i = 0; i < shuffled.length; i++) {
                if (i < held) {
                    validation[validationCount++] = shuffled[i];
                } else {
                    train[trainCount++] = shuffled[i];
                }
            }
        }
        int[] sortedTrain = Arrays.copyOf(train, trainCount);
        int[] sortedValidation = Arrays.copyOf(validation, validationCount);
        Arrays.sort(sortedTrain);
        Arrays.sort(sortedValidation);
        return new StratifiedSplit(sortedTrain, sortedValidation);
    }

    /** Fisher–Yates in place. */
    private static void shuffle(int[] values, Rng rng) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = (int) Math.floorMod(rng.nextLong(), (long) (i + 1));
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
