package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rnn4j.io.Json;

/** Scores from the counts by their definitions, 0 instead of NaN, and the printed and JSON forms. */
class ConfusionMatrixTest {

    /** Rows actual, columns predicted: cat (3 right, 1 as dog), dog (2 as cat, 4 right), fox (never seen, 1 predicted). */
    private static ConfusionMatrix example() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("cat", "dog", "fox"));
        add(m, 0, 0, 3);
        add(m, 0, 1, 1);
        add(m, 1, 0, 2);
        add(m, 1, 1, 4);
        add(m, 1, 2, 1);
        return m;
    }

    @Test
    void scoresFollowTheirDefinitions() {
        ConfusionMatrix m = example();
        assertEquals(11, m.total());
        assertEquals(7.0 / 11, m.accuracy(), 1e-15);
        assertEquals(3.0 / 5, m.precision(0), 1e-15);   // predicted cat: 3 cats, 2 dogs
        assertEquals(3.0 / 4, m.recall(0), 1e-15);      // cats: 3 of 4 found
        assertEquals(2 * 0.6 * 0.75 / 1.35, m.f1(0), 1e-15);
        assertEquals(4.0 / 5, m.precision(1), 1e-15);
        assertEquals(4.0 / 7, m.recall(1), 1e-15);
        assertEquals((m.f1(0) + m.f1(1) + m.f1(2)) / 3, m.macroF1(), 1e-15);
    }

    @Test
    void aRatioOverNothingIsZeroNotNaN() {
        ConfusionMatrix m = example();
        assertEquals(0, m.recall(2));     // no fox among the examples
        assertEquals(0, m.precision(2));  // the one fox predicted was a dog
        assertEquals(0, m.f1(2));
        ConfusionMatrix empty = new ConfusionMatrix(List.of("a", "b"));
        assertEquals(0, empty.accuracy());
        assertEquals(0, empty.macroF1());
        assertThrows(IllegalArgumentException.class, () -> empty.add(2, 0));
    }

    @Test
    void evaluateCountsAClassifiersPredictions() {
        SequenceClassifier firstToken = tokens -> tokens[0];
        ConfusionMatrix m = ConfusionMatrix.evaluate(List.of("a", "b"), firstToken, new int[][] {{0, 1}, {1}, {1, 0}, {0}}, new int[] {0, 0, 1, 1});
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(1, 1));
        assertEquals(1, m.count(1, 0));
    }

    @Test
    void theTableNamesEveryClassAndCount() {
        List<String> lines = example().format().lines().toList();
        assertTrue(lines.get(1).matches("cat\\s+0\\.6000\\s+0\\.7500\\s+0\\.6667\\s+4"), lines.get(1));
        assertTrue(lines.get(3).matches("fox\\s+0\\.0000\\s+0\\.0000\\s+0\\.0000\\s+0"), lines.get(3));
        assertTrue(lines.contains("accuracy                     0.6364       11"), String.join("\n", lines));
        int header = lines.indexOf("confusion matrix (rows: actual class, columns: predicted class)");
        assertTrue(lines.get(header + 1).trim().matches("cat\\s+dog\\s+fox"), lines.get(header + 1));
        assertTrue(lines.get(header + 3).matches("dog\\s+2\\s+4\\s+1"), lines.get(header + 3));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theJsonFormRoundTrips() {
        ConfusionMatrix m = example();
        Map<String, Object> json = Json.parseObject(Json.write(m.toJson()));
        assertEquals(List.of("cat", "dog", "fox"), json.get("labels"));
        assertEquals(List.of(List.of(3L, 1L, 0L), List.of(2L, 4L, 1L), List.of(0L, 0L, 0L)), json.get("matrix"));
        assertEquals(m.accuracy(), (Double) json.get("accuracy"), 1e-15);
        Map<String, Object> dog = (Map<String, Object>) ((Map<String, Object>) json.get("per_class")).get("dog");
        assertEquals(m.recall(1), (Double) dog.get("recall"), 1e-15);
        assertEquals(7L, dog.get("support"));
    }

    private static void add(ConfusionMatrix m, int actual, int predicted, int times) {
        for (int i = 0; i < times; i++) {
            m.add(actual, predicted);
        }
    }
}
