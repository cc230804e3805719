package org.rnn4j.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;
import org.rnn4j.data.LabelledSequences;

/** The binary addition sequences: the encoding of a pair, the sums, distinct and disjoint sets, the seed. */
class BinaryAdditionTaskTest {

    @Test
    void aPairIsReadLeastSignificantBitFirstWithAFinalStepForTheCarry() {
        // 11 + 6 = 17: a = 1011, b = 0110, sum = 10001
        assertArrayEquals(new int[] {2, 3, 1, 2, 0}, BinaryAdditionTask.inputs(0b1011, 0b0110, 4));
        assertArrayEquals(new int[] {1, 0, 0, 0, 1}, BinaryAdditionTask.labels(0b1011, 0b0110, 4));
        // 255 + 255 = 510 = 1 1111 1110
        assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 0}, BinaryAdditionTask.inputs(255, 255, 8));
        assertArrayEquals(new int[] {0, 1, 1, 1, 1, 1, 1, 1, 1}, BinaryAdditionTask.labels(255, 255, 8));
        assertArrayEquals(new int[] {0, 0}, BinaryAdditionTask.labels(0, 0, 1));
    }

    @Test
    void trainsOnEightBitsAndHoldsOutSixteen() {
        BinaryAdditionTask task = new BinaryAdditionTask(BinaryAdditionTask.Setup.lengthGeneralization(1));
        assertSums(task.train(), 8, 1000);
        assertSums(task.heldOut(), 16, 1000);
        assertTrue(task.train().perStep() && task.heldOut().perStep());
    }

    @Test
    void heldOutPairsOfTheTrainingWidthAreNeverTrainingPairs() {
        // 4-bit numbers make 256 pairs: 200 to train on leave exactly 56 to hold out
        BinaryAdditionTask task = new BinaryAdditionTask(new BinaryAdditionTask.Setup(4, 200, 4, 56, 3));
        Set<List<Long>> train = assertSums(task.train(), 4, 200);
        Set<List<Long>> heldOut = assertSums(task.heldOut(), 4, 56);
        Set<List<Long>> both = new HashSet<>(train);
        both.addAll(heldOut);
        assertEquals(256, both.size());
        assertThrows(InvalidInputException.class, () -> new BinaryAdditionTask(new BinaryAdditionTask.Setup(4, 200, 4, 57, 3)));
    }

    @Test
    void narrowerHeldOutPairsAreNotTrainingPairsEither() {
        // every 2-bit pair is among the 256 4-bit training pairs, so none is left to hold out
        assertThrows(InvalidInputException.class, () -> new BinaryAdditionTask(new BinaryAdditionTask.Setup(4, 256, 2, 1, 1)));
        BinaryAdditionTask task = new BinaryAdditionTask(new BinaryAdditionTask.Setup(3, 32, 2, 4, 2));
        Set<List<Long>> heldOut = assertSums(task.heldOut(), 2, 4);
        Set<List<Long>> train = assertSums(task.train(), 3, 32);
        train.retainAll(heldOut);
        assertEquals(Set.of(), train);
    }

    @Test
    void theDrawsAreTheSeeds() {
        BinaryAdditionTask task = new BinaryAdditionTask(new BinaryAdditionTask.Setup(8, 300, 12, 300, 9));
        BinaryAdditionTask again = new BinaryAdditionTask(new BinaryAdditionTask.Setup(8, 300, 12, 300, 9));
        BinaryAdditionTask other = new BinaryAdditionTask(new BinaryAdditionTask.Setup(8, 300, 12, 300, 10));
        assertArrayEquals(task.train().tokens(), again.train().tokens());
        assertArrayEquals(task.heldOut().tokens(), again.heldOut().tokens());
        assertArrayEquals(task.heldOut().stepLabels(), again.heldOut().stepLabels());
        assertFalse(pairs(task.train()).equals(pairs(other.train())));
    }

    @Test
    void refusesWidthsAndCountsOutOfRange() {
        for (int[] bad : new int[][] {{0, 10, 8, 10}, {31, 10, 8, 10}, {8, 10, 0, 10}, {8, 0, 8, 10}, {8, 10, 8, 0},
                {2, 17, 8, 10}, {20, BinaryAdditionTask.MAX_PAIRS + 1, 8, 10}}) {
            assertThrows(InvalidInputException.class, () -> new BinaryAdditionTask.Setup(bad[0], bad[1], bad[2], bad[3], 1));
        }
    }

    /**
     * Asserts that {@code set} holds {@code count} distinct pairs of {@code bits}-bit numbers, each of n + 1 steps whose
     * labels are the bits of the sum of the numbers its inputs spell; returns the pairs.
     */
    private static Set<List<Long>> assertSums(LabelledSequences set, int bits, int count) {
        assertEquals(count, set.size());
        Set<List<Long>> pairs = pairs(set);
        assertEquals(count, pairs.size(), "distinct pairs");
        for (int s = 0; s < set.size(); s++) {
            int[] tokens = set.tokens()[s];
            assertEquals(bits + 1, tokens.length);
            assertEquals(0, tokens[bits], "the carry step reads (0, 0)");
            assertTrue(Arrays.stream(tokens).allMatch(token -> token >= 0 && token < BinaryAdditionTask.TOKENS), Arrays.toString(tokens));
            long sum = 0;
            for (int i = 0; i <= bits; i++) {
                sum |= (long) set.stepLabels()[s][i] << i;
            }
            List<Long> pair = pair(tokens);
            assertEquals(pair.get(0) + pair.get(1), sum, "sequence " + s);
        }
        return pairs;
    }

    private static Set<List<Long>> pairs(LabelledSequences set) {
        Set<List<Long>> pairs = new HashSet<>();
        for (int[] tokens : set.tokens()) {
            pairs.add(pair(tokens));
        }
        return pairs;
    }

    /** (a, b) spelled by the tokens 2·a_i + b_i. */
    private static List<Long> pair(int[] tokens) {
        long a = 0;
        long b = 0;
        for (int i = 0; i < tokens.length; i++) {
            a |= (long) (tokens[i] >> 1) << i;
            b |= (long) (tokens[i] & 1) << i;
        }
        return List.of(a, b);
    }
}
