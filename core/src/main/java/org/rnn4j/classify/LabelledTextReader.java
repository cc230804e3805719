package org.rnn4j.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.rnn4j.InvalidInputException;

/**
 * Reads the examples of a text classification task from one of three layouts:
 * <ul>
 * <li>a file of lines {@code label<TAB>text}: blank lines are skipped; a line without a tab, with an empty
 *     label or with an empty text is refused, naming the file and line; the text is everything after the
 *     first tab;
 * <li>a folder of sub-folders, one per class (the class is the sub-folder's name), each file directly in a
 *     sub-folder one example;
 * <li>a folder of files, one per class (the class is the file name without its extension), each non-blank
 *     line one example.
 * </ul>
 * Files are strict UTF-8 ({@link org.rnn4j.text.TextLoader}: an invalid byte is refused with the file and byte
 * offset); a leading byte order mark is dropped; labels and texts lose the whitespace around them. Names starting with
 * a dot are skipped, folders and files are read in name order, lines in file order. Origins are
 * {@code file:line} for line-based layouts and the file for one example per file.
 */
public final class LabelledTextReader {

    private LabelledTextReader() {
    }

    /**
     * The examples at {@code path} whose class is one of {@code classes}, or all of them when {@code classes} is
     * empty. A class in {@code classes} that the data lacks is refused with the list of the classes it has.
     */
    public static List<LabelledText> read(Path path, List<String> classes) {
        Set<String> keep = new LinkedHashSet<>(classes);
        if (!Files.isDirectory(path)) {
            List<LabelledText> examples = readTsv(path);
            requireKnown(keep, examples.stream().map(LabelledText::label).distinct().sorted().toList(), path);
            return keep.isEmpty() ? examples : examples.stream().filter(e -> keep.contains(e.label())).toList();
        }
        List<Path> entries = visibleEntries(path);
        List<Path> folders = entries.stream().filter(Files::isDirectory).toList();
        List<Path> files = entries.stream().filter(Files::isRegularFile).toList();
        if (!folders.isEmpty() && !files.isEmpty()) {
            throw new InvalidInputException("folder " + path + " holds both sub-folders (" + folders.getFirst().getFileName()
                    + ", …) and files (" + files.getFirst().getFileName() + ", …); give one sub-folder per class or one file per class");
        }
        if (folders.isEmpty() && files.isEmpty()) {
            throw new InvalidInputException("folder " + path + " is empty; give one sub-folder per class or one file per class");
        }
        Map<String, Path> byClass = folders.isEmpty() ? filesByClass(files) : foldersByClass(folders);
        requireKnown(keep, List.copyOf(byClass.keySet()), path);
        List<LabelledText> examples = new ArrayList<>();
        byClass.forEach((label, source) -> {
            if (keep.isEmpty() || keep.contains(label)) {
                examples.addAll(folders.isEmpty() ? readLines(source, label) : readFolder(source, label));
            }
        });
        return examples;
    }

    /** A file of {@code label<TAB>text} lines. */
    private static List<LabelledText> readTsv(Path file) {
        List<LabelledText> examples = new ArrayList<>();
        for (LabelledFiles.TabbedLine line : LabelledFiles.tabbedLines(file, "label", "text", "example")) {
            String label = line.left().strip();
            String text = line.right().strip();
            if (label.isEmpty()) {
                throw new InvalidInputException(line.origin() + ": the label before the tab is empty; write each example as label<TAB>text");
            }
            if (text.isEmpty()) {
                throw new InvalidInputException(line.origin() + ": the text after the label '" + label + "' is empty; give the example a text or remove the line");
            }
            examples.add(new LabelledText(label, text, line.origin()));
        }
        return examples;
    }

    /** One file of a class: each non-blank line an example. */
    private static List<LabelledText> readLines(Path file, String label) {
        List<LabelledText> examples = new ArrayList<>();
        List<String> lines = LabelledFiles.text(file).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                examples.add(new LabelledText(label, lines.get(i).strip(), file + ":" + (i + 1)));
            }
        }
        if (examples.isEmpty()) {
            throw new InvalidInputException(file + " has no examples, only blank lines; write one example of class '" + label + "' per line");
        }
        return examples;
    }

    /** One folder of a class: each file an example. */
    private static List<LabelledText> readFolder(Path folder, String label) {
        List<Path> files = visibleEntries(folder).stream().filter(Files::isRegularFile).toList();
        if (files.isEmpty()) {
            throw new InvalidInputException("folder " + folder + " has no files; put each example of class '" + label + "' in a file of its own");
        }
        List<LabelledText> examples = new ArrayList<>(files.size());
        for (Path file : files) {
            String text = LabelledFiles.text(file).strip();
            if (text.isEmpty()) {
                throw new InvalidInputException(file + ": the text is empty (only whitespace); give the example a text or remove the file");
            }
            examples.add(new LabelledText(label, text, file.toString()));
        }
        return examples;
    }

    /** Class name → file: the name without its extension. */
    private static Map<String, Path> filesByClass(List<Path> files) {
        Map<String, Path> byClass = new TreeMap<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String label = dot > 0 ? name.substring(0, dot) : name;
            Path other = byClass.put(label, file);
            if (other != null) {
                throw new InvalidInputException(other + " and " + file + " both name class '" + label + "'; rename one of them");
            }
        }
        return byClass;
    }

    private static Map<String, Path> foldersByClass(List<Path> folders) {
        Map<String, Path> byClass = new TreeMap<>();
        folders.forEach(folder -> byClass.put(folder.getFileName().toString(), folder));
        return byClass;
    }

    private static void requireKnown(Set<String> keep, List<String> classes, Path path) {
        for (String wanted : keep) {
            if (!classes.contains(wanted)) {
                throw new InvalidInputException("there is no class '" + wanted + "' in " + path + "; its classes are " + String.join(", ", classes));
            }
        }
    }

    /** The entries of {@code folder} whose names do not start with a dot, in name order. */
    private static List<Path> visibleEntries(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list folder " + folder + ": " + e.getMessage());
        }
    }
}
