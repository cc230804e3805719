package org.rnn4j.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;
import org.rnn4j.data.LabelledSequences;

/** The parity sequences: their labels, the split of all 2ⁿ vectors, and its seed. */
class ParityTaskTest {

    @Test
    void eachStepIsLabelledWithTheParityOfTheBitsSoFar() {
        ParityTask task = new ParityTask(4, 7);
        int[][] known = {
            {0, 0, 0, 0}, {0, 0, 0, 0},
            {1, 0, 0, 0}, {1, 1, 1, 1},
            {1, 1, 0, 1}, {1, 0, 0, 1},
            {0, 1, 1, 0}, {0, 1, 0, 0},
            {1, 1, 1, 1}, {1, 0, 1, 0},
        };
        for (int k = 0; k < known.length; k += 2) {
            assertArrayEquals(known[k + 1], labelsOf(task, known[k]), Arrays.toString(known[k]));
        }
    }

    @Test
    void theStepsReadTheVectorsBitsLeastSignificantFirst() {
        LabelledSequences all = union(new ParityTask(5, 3));
        Set<Integer> vectors = new HashSet<>();
        for (int[] bits : all.tokens()) {
            int v = 0;
            for (int t = 0; t < bits.length; t++) {
                v |= bits[t] << t;
            }
            vectors.add(v);
        }
        assertEquals(32, vectors.size());
        assertTrue(all.perStep());
    }

    @Test
    void aQuarterOfAllVectorsIsHeldOutAndNoneIsAlsoTrainedOn() {
        ParityTask task = new ParityTask(12, 1);
        assertEquals(3072, task.train().size());
        assertEquals(1024, task.heldOut().size());
        Set<String> train = keys(task.train());
        Set<String> heldOut = keys(task.heldOut());
        assertEquals(3072, train.size());
        assertEquals(1024, heldOut.size());
        train.retainAll(heldOut);
        assertEquals(Set.of(), train);
        for (int[] labels : task.heldOut().stepLabels()) {
            assertEquals(12, labels.length);
        }
    }

    @Test
    void theSplitIsTheSeeds() {
        ParityTask task = new ParityTask(8, 5);
        ParityTask again = new ParityTask(8, 5);
        ParityTask other = new ParityTask(8, 6);
        assertEquals(keys(task.heldOut()), keys(again.heldOut()));
        assertArrayEquals(task.train().tokens(), again.train().tokens());
        assertArrayEquals(task.train().stepLabels(), again.train().stepLabels());
        assertFalse(keys(task.heldOut()).equals(keys(other.heldOut())));
    }

    @Test
    void theSmallestTaskHoldsOneVectorOut() {
        ParityTask task = new ParityTask(ParityTask.MIN_BITS, 1);
        assertEquals(3, task.train().size());
        assertEquals(1, task.heldOut().size());
    }

    @Test
    void refusesBitCountsOutOfRange() {
        assertThrows(InvalidInputException.class, () -> new ParityTask(ParityTask.MIN_BITS - 1, 1));
        assertThrows(InvalidInputException.class, () -> new ParityTask(ParityTask.MAX_BITS + 1, 1));
    }

    /** The labels of the sequence whose inputs are {@code bits}, found in either set. */
    private static int[] labelsOf(ParityTask task, int[] bits) {
        LabelledSequences all = union(task);
        for (int s = 0; s < all.size(); s++) {
            if (Arrays.equals(all.tokens()[s], bits)) {
                return all.stepLabels()[s];
            }
        }
        throw new AssertionError("no sequence reads " + Arrays.toString(bits));
    }

    private static LabelledSequences union(ParityTask task) {
        int[][] inputs = concat(task.train().tokens(), task.heldOut().tokens());
        int[][] labels = concat(task.train().stepLabels(), task.heldOut().stepLabels());
        return LabelledSequences.ofSteps(inputs, labels);
    }

    private static int[][] concat(int[][] a, int[][] b) {
        int[][] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static Set<String> keys(LabelledSequences set) {
        Set<String> keys = new HashSet<>();
        for (int[] bits : set.tokens()) {
            keys.add(Arrays.toString(bits));
        }
        return keys;
    }
}
