package org.rnn4j.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Counts of (actual, predicted) class pairs over C classes, and the scores read from them: accuracy
 * = Σ_c m[c][c] / Σ m; for class c, precision = m[c][c] / Σ_a m[a][c] (of the examples predicted c, the share
 * that are c), recall = m[c][c] / Σ_p m[c][p] (of the examples of c, the share predicted c), F1 = 2PR / (P + R);
 * macro-F1 = the mean of the C F1 scores. A ratio whose denominator is 0 is 0, never NaN. {@link #add} mutates.
 */
public final class ConfusionMatrix {

    private final List<String> labels;
    private final long[] counts; // (C, C): counts[actual * C + predicted]

    /** An empty matrix over the classes {@code labels} (C of them, in class-index order). */
    public ConfusionMatrix(List<String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        this.labels = List.copyOf(labels);
        this.counts = new long[this.labels.size() * this.labels.size()];
    }

    /** The matrix of {@code classifier}'s predictions for {@code sequences} (N, each T_n token ids), whose classes are {@code classOf} (N). */
    public static ConfusionMatrix evaluate(List<String> labels, SequenceClassifier classifier, int[][] sequences, int[] classOf) {
        ConfusionMatrix matrix = new ConfusionMatrix(labels);
        for (int n = 0; n < sequences.length; n++) {
            matrix.add(classOf[n], classifier.predict(sequences[n]));
        }
        return matrix;
    }

    /** Counts one example of class {@code actual} predicted as {@code predicted}. */
    public void add(int actual, int predicted) {
        int c = classes();
        if (actual < 0 || actual >= c || predicted < 0 || predicted >= c) {
            throw new IllegalArgumentException("classes must be in [0, " + c + "): actual " + actual + ", predicted " + predicted);
        }
        counts[actual * c + predicted]++;
    }

    /** C. */
    public int classes() {
        return labels.size();
    }

    public List<String> labels() {
        return labels;
    }

    /** m[actual][predicted]. */
    public long count(int actual, int predicted) {
        return counts[actual * classes() + predicted];
    }

    /** Σ m: the examples counted. */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Σ_p m[c][p]: the examples of class c. */
    public long support(int c) {
        long sum = 0;
        for (int p = 0; p < classes(); p++) {
            sum += count(c, p);
        }
        return sum;
    }

    /** Σ_a m[a][c]: the examples predicted as c. */
    public long predicted(int c) {
        long sum = 0;
        for (int a = 0; a < classes(); a++) {
            sum += count(a, c);
        }
        return sum;
    }

    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes(); c++) {
            correct += count(c, c);
        }
        return ratio(correct, total());
    }

    public double precision(int c) {
        return ratio(count(c, c), predicted(c));
    }

    public double recall(int c) {
        return ratio(count(c, c), support(c));
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        for (int c = 0; c < classes(); c++) {
            sum += f1(c);
        }
        return sum / classes();
    }

    /**
     * The scores and the matrix as text: a line per class with precision, recall, F1 and support, the
     * accuracy and macro-F1, then the counts with a row per actual class and a column per predicted class.
     */
    public String format() {
        int width = Math.max("macro F1".length(), labels.stream().mapToInt(String::length).max().orElse(0));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s  precision  recall      F1  support%n", ""));
        for (int c = 0; c < classes(); c++) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %9.4f  %6.4f  %6.4f  %7d%n", labels.get(c), precision(c), recall(c), f1(c), support(c)));
        }
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %25.4f  %7d%n", "macro F1", macroF1(), total()));
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %25.4f  %7d%n", "accuracy", accuracy(), total()));
        out.append(String.format(Locale.ROOT, "%nconfusion matrix (rows: actual class, columns: predicted class)%n"));
        int cell = Math.max(7, labels.stream().mapToInt(String::length).max().orElse(0));
        for (long count : counts) {
            cell = Math.max(cell, Long.toString(count).length());
        }
        out.append(" ".repeat(width));
        for (String label : labels) {
            out.append("  ").append(String.format(Locale.ROOT, "%" + cell + "s", label));
        }
        out.append(System.lineSeparator());
        for (int a = 0; a < classes(); a++) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s", labels.get(a)));
            for (int p = 0; p < classes(); p++) {
                out.append("  ").append(String.format(Locale.ROOT, "%" + cell + "d", count(a, p)));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /**
     * The JSON form: {@code labels}, {@code matrix} (rows actual, columns predicted), {@code accuracy},
     * {@code macro_f1} and {@code per_class} (label → precision, recall, f1, support).
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("labels", labels);
        List<long[]> rows = new ArrayList<>(classes());
        for (int a = 0; a < classes(); a++) {
            long[] row = new long[classes()];
            for (int p = 0; p < classes(); p++) {
                row[p] = count(a, p);
            }
            rows.add(row);
        }
        json.put("matrix", rows);
        json.put("accuracy", accuracy());
        json.put("macro_f1", macroF1());
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classes(); c++) {
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("precision", precision(c));
            scores.put("recall", recall(c));
            scores.put("f1", f1(c));
            scores.put("support", support(c));
            perClass.put(labels.get(c), scores);
        }
        json.put("per_class", perClass);
        return json;
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
