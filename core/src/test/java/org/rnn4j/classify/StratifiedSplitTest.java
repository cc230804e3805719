package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;

/** Each class keeps its share on both sides, every class is on both sides, and a seed fixes the split. */
class StratifiedSplitTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    @Test
    void eachClassKeepsItsShareOnBothSides() {
        int[] classOf = classes(100, 30, 7); // 100 of a, then 30 of b, then 7 of c
        StratifiedSplit split = StratifiedSplit.of(classOf, NAMES, 0.2, 1);
        assertEquals(List.of(20L, 6L, 1L), perClass(split.validation(), classOf));
        assertEquals(List.of(80L, 24L, 6L), perClass(split.train(), classOf));
        int[] all = IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, classOf.length).toArray(), all, "every example on exactly one side");
        assertArrayEquals(Arrays.stream(split.train()).sorted().toArray(), split.train(), "ascending");
        assertArrayEquals(Arrays.stream(split.validation()).sorted().toArray(), split.validation(), "ascending");
    }

    @Test
    void everyClassIsOnBothSidesWhateverTheFraction() {
        int[] classOf = classes(2, 50);
        List<String> names = NAMES.subList(0, 2);
        assertEquals(List.of(1L, 1L), perClass(StratifiedSplit.of(classOf, names, 0.01, 3).validation(), classOf));
        assertEquals(List.of(1L, 49L), perClass(StratifiedSplit.of(classOf, names, 0.99, 3).validation(), classOf));
    }

    @Test
    void theSeedFixesTheSplit() {
        int[] classOf = classes(40, 40);
        List<String> names = NAMES.subList(0, 2);
        StratifiedSplit first = StratifiedSplit.of(classOf, names, 0.25, 7);
        assertArrayEquals(first.validation(), StratifiedSplit.of(classOf, names, 0.25, 7).validation());
        assertFalse(Arrays.equals(first.validation(), StratifiedSplit.of(classOf, names, 0.25, 8).validation()));
    }

    @Test
    void aSingleClassOrAClassOfOneExampleIsRefusedByName() {
        InvalidInputException single = assertThrows(InvalidInputException.class,
                () -> StratifiedSplit.of(classes(5), List.of("frost"), 0.2, 1));
        assertEquals("the data has a single class, 'frost', and a classifier needs at least two; add examples of another class", single.getMessage());
        InvalidInputException lonely = assertThrows(InvalidInputException.class,
                () -> StratifiedSplit.of(classes(5, 1, 4), NAMES, 0.2, 1));
        assertEquals("class 'b' has 1 example(s), too few to have one in training and one in validation; give it at least two or leave it out",
                lonely.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> StratifiedSplit.of(classes(5, 5), NAMES.subList(0, 2), 1.0, 1))
                .getMessage().startsWith("the validation fraction must be between 0 and 1"));
    }

    /** Class ids: counts[0] examples of class 0, then counts[1] of class 1, … */
    private static int[] classes(int... counts) {
        return IntStream.range(0, counts.length).flatMap(c -> IntStream.range(0, counts[c]).map(i -> c)).toArray();
    }

    private static List<Long> perClass(int[] indices, int[] classOf) {
        int c = Arrays.stream(classOf).max().orElseThrow() + 1;
        return IntStream.range(0, c).mapToObj(k -> Arrays.stream(indices).filter(i -> classOf[i] == k).count()).toList();
    }
}
