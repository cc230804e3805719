package org.rnn4j.cli.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rnn4j.text.TextLoader;

/**
 * The non-blank lines a predict command reads, stripped, from files or else standard input, each with its origin
 * ({@code file:line}) for messages.
 */
record InputLines(List<String> lines, List<String> origins) {

    /** The lines of {@code files} in order, or of standard input when there are none. */
    static InputLines read(List<Path> files) {
        InputLines input = new InputLines(new ArrayList<>(), new ArrayList<>());
        if (files.isEmpty()) {
            input.collect(standardInput(), "standard input");
        }
        for (Path file : files) {
            input.collect(TextLoader.read(file), file.toString());
        }
        return input;
    }

    private void collect(String text, String source) {
        List<String> all = text.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).isBlank()) {
                lines.add(all.get(i).strip());
                origins.add(source + ":" + (i + 1));
            }
        }
    }

    private static String standardInput() {
        try {
            return TextLoader.read(System.in.readAllBytes(), Path.of("standard input"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    int size() {
        return lines.size();
    }
}
