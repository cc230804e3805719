package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;

/** A text streamed from its files is, code point for code point and line for line, the text {@link TextLoader} reads whole. */
class TextSourceTest {

    @TempDir
    Path folder;

    @Test
    void aFolderStreamsAsTheJoinedTextOfItsFiles() throws IOException {
        Path corpus = Files.createDirectory(folder.resolve("corpus"));
        // a line that runs on from one file into the next, \r\n and a lone \r, code points of 1 to 4 bytes,
        // and more bytes than a reader's buffer holds
        Files.writeString(corpus.resolve("1.txt"), "first line\r\nsecond\rstill the second é€😀 and a line that runs ",
                StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("2.txt"), "on\n\n中文\n".repeat(20_000) + "no newline at the end", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("notes.md"), "not part of the corpus", StandardCharsets.UTF_8);
        String whole = TextLoader.read(corpus);
        TextSource source = TextSource.of(corpus);

        assertEquals(TextFingerprint.of(whole, "corpus"), source.fingerprint("corpus"));
        StringBuilder codePoints = new StringBuilder();
        try (TextSource.Reader reader = source.reader()) {
            for (int codePoint; (codePoint = reader.next()) != TextSource.Reader.END; ) {
                codePoints.appendCodePoint(codePoint);
            }
            assertEquals(TextSource.Reader.END, reader.next());
        }
        assertEquals(whole, codePoints.toString());
        List<String> lines = new ArrayList<>();
        source.lines().forEachRemaining(lines::add);
        assertEquals(whole, String.join("", lines));
        assertEquals(whole.chars().filter(c -> c == '\n').count() + 1, lines.size());
        assertTrue(lines.subList(0, lines.size() - 1).stream().allMatch(line -> line.indexOf('\n') == line.length() - 1));
        assertEquals("second\rstill the second é€😀 and a line that runs on\n", lines.get(1));
    }

    @Test
    void bytesInMemoryStreamAsAFileDoes() throws IOException {
        String text = "ab😀\nc";
        Path file = Files.writeString(folder.resolve("text.txt"), text, StandardCharsets.UTF_8);
        TextSource inMemory = TextSource.of(text.getBytes(StandardCharsets.UTF_8), Path.of("bundled.txt"));
        assertEquals(TextSource.of(file).fingerprint("x"), inMemory.fingerprint("x"));
        Iterator<String> lines = inMemory.lines();
        assertEquals(List.of("ab😀\n", "c"), List.of(lines.next(), lines.next()));
        assertTrue(!lines.hasNext());
    }

    @Test
    void badFilesFailAsTheLoaderSaysWhereTheyAreRead() throws IOException {
        Path corpus = Files.createDirectory(folder.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "fine", StandardCharsets.UTF_8);
        Files.write(corpus.resolve("b.txt"), new byte[] {'o', 'k', (byte) 0xC3, '!'});
        TextSource source = TextSource.of(corpus);
        var e = assertThrows(InvalidInputException.class, () -> Vocabulary.ofCodePoints(source));
        assertEquals(loaderMessage(corpus), e.getMessage());
        assertTrue(e.getMessage().contains("b.txt") && e.getMessage().contains("byte offset 2"), e.getMessage());

        Files.write(corpus.resolve("b.txt"), new byte[0]);
        e = assertThrows(InvalidInputException.class, () -> TextSource.of(corpus).fingerprint("corpus"));
        assertEquals(loaderMessage(corpus), e.getMessage());
        e = assertThrows(InvalidInputException.class, () -> TextSource.of(folder.resolve("missing.txt")).fingerprint("missing"));
        assertEquals(loaderMessage(folder.resolve("missing.txt")), e.getMessage());
        Files.write(corpus.resolve("b.txt"), new byte[] {'a', 0, 'b'});
        e = assertThrows(InvalidInputException.class, () -> TextSource.of(corpus).lines().forEachRemaining(line -> { }));
        assertEquals(loaderMessage(corpus), e.getMessage());
    }

    private static String loaderMessage(Path path) {
        return assertThrows(InvalidInputException.class, () -> TextLoader.read(path)).getMessage();
    }
}
