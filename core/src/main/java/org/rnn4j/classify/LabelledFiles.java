package org.rnn4j.classify;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.InvalidInputException;
import org.rnn4j.text.TextLoader;

/**
 * The text files that labelled data comes in: strict UTF-8 ({@link TextLoader}) without a leading byte order
 * mark, and the two-field layout {@code left<TAB>right} of one record per non-blank line.
 */
final class LabelledFiles {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /**
     * One non-blank line cut at its first tab.
     *
     * @param origin {@code file:line}, the line counted from 1
     * @param left   what comes before the first tab
     * @param right  what comes after it, further tabs included
     */
    record TabbedLine(String origin, String left, String right) {
    }

    private LabelledFiles() {
    }

    /** The file as strict UTF-8, without a leading byte order mark. */
    static String text(Path file) {
        String text = TextLoader.read(file);
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
    }

    /**
     * The non-blank lines of {@code file}, each cut at its first tab; a line without a tab, and a file of blank
     * lines only, are refused with a message that names the layout {@code left<TAB>right} and a record as
     * {@code unit} ("example").
     */
    static List<TabbedLine> tabbedLines(Path file, String left, String right, String unit) {
        String layout = "; write each " + unit + " as " + left + "<TAB>" + right;
        List<String> lines = text(file).lines().toList();
        List<TabbedLine> tabbed = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String origin = file + ":" + (i + 1);
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new InvalidInputException(origin + ": no tab between the " + left + " and the " + right + layout);
            }
            tabbed.add(new TabbedLine(origin, line.substring(0, tab), line.substring(tab + 1)));
        }
        if (tabbed.isEmpty()) {
            throw new InvalidInputException(file + " has no " + unit + "s, only blank lines" + layout);
        }
        return tabbed;
    }
}
