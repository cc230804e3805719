package org.rnn4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.train.Evaluation;

/**
 * The samples of a training run kept in its folder, so that fluency can be seen growing: {@value #TEXT_FILE}
 * (plain text) and {@value #HTML_FILE} (one self-contained page). Both are only ever appended to, each entry
 * forced to disk before training goes on, so a crash loses no sample already kept, and a resumed run adds to
 * the same files.
 */
final class SampleGallery {

    static final String TEXT_FILE = "samples.txt";
    static final String HTML_FILE = "samples.html";

    private static final String HTML_HEAD = """
            <!DOCTYPE html>
            <html lang="en">
            <meta charset="utf-8">
            <title>rnn4j samples: %s</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 60em; color: #222; }
            h2 { font-size: 1em; margin: 1.5em 0 0.3em; }
            h2 span { font-weight: normal; color: #666; }
            pre { background: #f6f6f6; padding: 0.8em; white-space: pre-wrap; overflow-wrap: anywhere; }
            </style>
            <h1>Samples of %s</h1>
            """;

    private final Path folder;

    SampleGallery(Path folder) {
        this.folder = folder;
    }

    /** Appends the sample drawn at {@code step}, with the latest validation (null before the first). */
    void add(long step, Evaluation validation, long validationStep, String text) {
        String loss = validation == null ? "no validation yet"
                : String.format(Locale.ROOT, "validation loss %.4f%s", validation.loss(),
                        validationStep == step ? "" : " at step " + validationStep);
        append(folder.resolve(TEXT_FILE), "=== step " + step + ", " + loss + " ===\n" + text.strip() + "\n\n");
        Path html = folder.resolve(HTML_FILE);
        if (!Files.exists(html)) {
            String name = escape(folder.getFileName() == null ? folder.toString() : folder.getFileName().toString());
            AtomicFiles.writeString(html, HTML_HEAD.formatted(name, name));
        }
        append(html, "<section><h2>step " + step + " <span>" + loss + "</span></h2><pre>" + escape(text.strip()) + "</pre></section>\n");
    }

    /** HTML text: the five characters that could open markup or end an attribute are escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> String.valueOf((char) c);
        }));
        return out.toString();
    }

    private static void append(Path file, String text) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }
}
