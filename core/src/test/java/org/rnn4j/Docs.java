package org.rnn4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The pages of the repository's docs folder, so that tests can hold the code to what the pages say. */
public final class Docs {

    private Docs() {
    }

    /** The text of {@code docs/<page>}, the folder searched upwards from the working directory. */
    public static String read(String page) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("docs").resolve(page);
            if (Files.isRegularFile(file)) {
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no docs/" + page + " above " + Path.of("").toAbsolutePath());
    }

    /** The section of {@code page} under the level-2 heading {@code title}, up to the next level-2 heading. */
    public static String section(String page, String title) {
        String text = read(page);
        String heading = "\n## " + title + "\n";
        int begin = text.indexOf(heading);
        if (begin < 0) {
            throw new AssertionError("docs/" + page + " has no section \"" + title + "\"");
        }
        int end = text.indexOf("\n## ", begin + heading.length());
        return text.substring(begin + heading.length(), end < 0 ? text.length() : end);
    }
}
