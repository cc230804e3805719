package org.rnn4j.cli;

import java.util.List;
import java.util.Locale;
import org.rnn4j.embed.Metric;
import org.rnn4j.embed.Neighbor;
import org.rnn4j.embed.Word2VecWriter;

/**
 * Ranked lists of neighbours side by side, one per metric, under a title:
 * <pre>
 * king - man + woman
 *       cosine similarity   Euclidean distance
 *    1  queen      0.8123   queen        1.2034
 * </pre>
 * Tokens are shown as the word2vec export writes them, so a space reads {@code \s}.
 */
final class NeighborTable {

    private static final String RANK = "%4d  "; // six columns wide, as NO_RANK
    private static final String NO_RANK = " ".repeat(6);
    private static final String GAP = "   ";

    private NeighborTable() {
    }

    /** {@code lists.get(j)} ranked by {@code metrics.get(j)}; lines end with a newline. */
    static String format(String title, List<Metric> metrics, List<List<Neighbor>> lists) {
        int columns = lists.size();
        String[][] tokens = new String[columns][];
        String[][] scores = new String[columns][];
        int[] widths = new int[columns];
        int[] scoreWidths = new int[columns];
        int rows = 0;
        for (int j = 0; j < columns; j++) {
            List<Neighbor> list = lists.get(j);
            tokens[j] = list.stream().map(n -> Word2VecWriter.escape(n.token())).toArray(String[]::new);
            scores[j] = list.stream().map(n -> String.format(Locale.ROOT, "%.4f", n.score())).toArray(String[]::new);
            scoreWidths[j] = maxLength(scores[j]);
            widths[j] = Math.max(metrics.get(j).label().length(), maxLength(tokens[j]) + 2 + scoreWidths[j]);
            rows = Math.max(rows, list.size());
        }
        StringBuilder table = new StringBuilder(title).append('\n');
        StringBuilder line = new StringBuilder(NO_RANK);
        for (int j = 0; j < columns; j++) {
            line.append(pad(metrics.get(j).label(), widths[j])).append(GAP);
        }
        table.append(line.toString().stripTrailing()).append('\n');
        for (int row = 0; row < rows; row++) {
            line.setLength(0);
            line.append(String.format(Locale.ROOT, RANK, row + 1));
            for (int j = 0; j < columns; j++) {
                boolean listed = row < tokens[j].length;
                String token = listed ? tokens[j][row] : "";
                String score = listed ? scores[j][row] : "";
                line.append(pad(token, widths[j] - scoreWidths[j])).append(" ".repeat(scoreWidths[j] - score.length()))
                        .append(score).append(GAP);
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    private static int maxLength(String[] cells) {
        int max = 0;
        for (String cell : cells) {
            max = Math.max(max, width(cell));
        }
        return max;
    }

    private static String pad(String cell, int width) {
        return cell + " ".repeat(Math.max(0, width - width(cell)));
    }

    /** Columns a cell takes: one per code point. */
    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
