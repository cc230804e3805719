package org.rnn4j.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.InvalidInputException;

/**
 * Reads the examples of a sequence labelling task (one label per step). The format: a UTF-8 text file with
 * one sequence per line, written {@code tokens<TAB>labels}; the tokens and the labels are each separated by
 * spaces (any run of whitespace), and a line has exactly as many labels as tokens, the k-th label belonging
 * to the k-th token. Blank lines are skipped. For example:
 * <pre>
 * The cat sat .&#9;DET NOUN VERB PUNCT
 * Dogs bark .&#9;NOUN VERB PUNCT
 * </pre>
 * A line without a tab, with no token, or whose counts differ is refused with the file and line (and, for
 * counts that differ, both counts). Tokens and labels cannot hold whitespace; a token's own tab would end it. A
 * leading byte order mark is dropped.
 */
public final class LabelledStepsReader {

    private LabelledStepsReader() {
    }

    /** Every sequence of {@code file}, in file order. */
    public static List<LabelledSteps> read(Path file) {
        List<LabelledSteps> sequences = new ArrayList<>();
        for (LabelledFiles.TabbedLine line : LabelledFiles.tabbedLines(file, "tokens", "labels", "sequence")) {
            List<String> tokens = words(line.left());
            List<String> labels = words(line.right());
            if (tokens.isEmpty()) {
                throw new InvalidInputException(line.origin() + ": no token before the tab; write each sequence as tokens<TAB>labels");
            }
            if (tokens.size() != labels.size()) {
                throw new InvalidInputException(line.origin() + ": " + tokens.size() + " token(s) but " + labels.size()
                        + " label(s); give exactly one label per token, both separated by spaces");
            }
            sequences.add(new LabelledSteps(tokens, labels, line.origin()));
        }
        return sequences;
    }

    /** The runs of characters of {@code part} that are not {@link Character#isWhitespace whitespace}. */
    private static List<String> words(String part) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= part.length(); i++) {
            boolean space = i == part.length() || Character.isWhitespace(part.charAt(i));
            if (space && start >= 0) {
                words.add(part.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return words;
    }
}
