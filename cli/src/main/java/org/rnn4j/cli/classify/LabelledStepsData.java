package org.rnn4j.cli.classify;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.classify.LabelledSteps;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.random.Rng;
import org.rnn4j.text.Vocabulary;

/**
 * Sequence labelling data as a labeller reads it: whitespace tokens as ids of a vocabulary, labels as indices
 * of the label names (in name order).
 */
final class LabelledStepsData {

    /** How a labeller's checkpoint says its text is cut: tokens between whitespace, as given. */
    static final Map<String, Object> TOKENIZER = Map.of("level", "word", "mode", "whitespace");

    private LabelledStepsData() {
    }

    /** Every label name of {@code rows}, sorted. */
    static List<String> labels(List<LabelledSteps> rows) {
        List<String> labels = rows.stream().flatMap(row -> row.labels().stream()).distinct().sorted().toList();
        if (labels.size() < 2) {
            throw new InvalidInputException(rows.getFirst().origin().replaceAll(":\\d+$", "") + " has only the label '"
                    + labels.getFirst() + "'; a labeller needs at least two");
        }
        return labels;
    }

    /** The vocabulary of {@code rows}' tokens: {@code <unk>}, {@code <s>}, {@code </s>}, then the tokens, most frequent first. */
    static Vocabulary vocabulary(List<LabelledSteps> rows) {
        return Vocabulary.ofWords(rows.stream().map(LabelledSteps::tokens).toList(), Integer.MAX_VALUE);
    }

    /** {@code rows} encoded; a label outside {@code labels} is refused with the row's origin. */
    static LabelledSequences encode(List<LabelledSteps> rows, Vocabulary vocabulary, List<String> labels) {
        int[][] tokens = new int[rows.size()][];
        int[][] steps = new int[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            LabelledSteps row = rows.get(i);
            tokens[i] = row.tokens().stream().mapToInt(vocabulary::wordId).toArray();
            steps[i] = new int[row.steps()];
            for (int t = 0; t < row.steps(); t++) {
                steps[i][t] = labels.indexOf(row.labels().get(t));
                if (steps[i][t] < 0) {
                    throw new InvalidInputException(row.origin() + ": the label '" + row.labels().get(t) + "' is not one of the model's ("
                            + String.join(", ", labels) + "); remove the row or train a model that has it");
                }
            }
        }
        return LabelledSequences.ofSteps(tokens, steps);
    }

    /** Row indices for training and validation: {@code fraction} of the rows, at least one, drawn by {@code seed}. */
    static int[][] split(int rows, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InvalidInputException("--val-frac must be between 0 and 1, got " + fraction);
        }
        if (rows < 2) {
            throw new InvalidInputException("labelling data needs at least 2 rows to hold one out for validation, got " + rows);
        }
        int[] order = new int[rows];
        Arrays.setAll(order, i -> i);
        Rng rng = new Rng(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = (int) (rng.nextDouble() * (i + 1));
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int held = Math.min(rows - 1, Math.max(1, (int) Math.round(rows * fraction)));
        int[] validation = Arrays.copyOf(order, held);
        int[] train = Arrays.copyOfRange(order, held, rows);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new int[][] {train, validation};
    }
}
