package org.rnn4j.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;
import org.rnn4j.text.Vocabulary;

/** The word2vec text file reads back to the same tokens and the same float bits. */
class Word2VecWriterTest {

    /** Words, the specials, and the characters that would break a whitespace-split line. */
    private static final List<String> TOKENS = List.of("king", Vocabulary.UNKNOWN, "naïve", "東京", "😀",
            " ", "\n", "\t", "\r", "\\", "a b", "\u00A0", "\u0000", "\\s");
    private static final int E = 5;

    @TempDir
    Path dir;

    @Test
    void escapeKeepsWordsAndMakesOneFieldOfTheRest() {
        assertEquals("king", Word2VecWriter.escape("king"));
        assertEquals("東京", Word2VecWriter.escape("東京"));
        assertEquals("\\s", Word2VecWriter.escape(" "));
        assertEquals("\\n", Word2VecWriter.escape("\n"));
        assertEquals("\\\\", Word2VecWriter.escape("\\"));
        assertEquals("\\\\s", Word2VecWriter.escape("\\s"), "a literal backslash-s stays apart from a space");
        assertEquals("a\\sb", Word2VecWriter.escape("a b"));
        assertEquals("\\u00A0", Word2VecWriter.escape("\u00A0"));
        assertEquals("\\u0000", Word2VecWriter.escape("\u0000"));
    }

    @Test
    void fileReadsBackToTheSameTokensAndBits() throws IOException {
        float[] values = new float[TOKENS.size() * E]; // (V, E), awkward floats included
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i * 1.7) * (float) Math.pow(10, i % 9 - 4);
        }
        values[0] = -0.0f;
        values[1] = Float.MIN_VALUE;
        values[2] = Float.MAX_VALUE;
        values[3] = 1f / 3;
        Path file = dir.resolve("vectors.txt");
        int escaped = Word2VecWriter.write(file, new WordVectors(new Vocabulary(TOKENS), values));
        assertEquals(9, escaped, "space, newline, tab, return, backslash, a b, no-break space, NUL, backslash-s");

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(TOKENS.size() + " " + E, lines.getFirst());
        assertEquals(TOKENS.size() + 1, lines.size());
        List<String> tokens = new ArrayList<>();
        float[] read = new float[values.length];
        for (int row = 0; row < TOKENS.size(); row++) {
            String[] fields = lines.get(row + 1).split(" ");
            assertEquals(E + 1, fields.length, lines.get(row + 1));
            tokens.add(unescape(fields[0]));
            for (int e = 0; e < E; e++) {
                read[row * E + e] = Float.parseFloat(fields[e + 1]);
            }
        }
        assertEquals(TOKENS, tokens);
        assertArrayEquals(values, read, "bit for bit");
    }

    @Test
    void failedWriteLeavesWhatWasThere() throws IOException {
        Path target = Files.createDirectory(dir.resolve("vectors.txt"));
        Files.writeString(target.resolve("inside"), "kept");
        WordVectors vectors = new WordVectors(new Vocabulary(List.of("a", "b")), new float[] {1, 2, 3, 4});
        assertThrows(InvalidInputException.class, () -> Word2VecWriter.write(target, vectors), "a folder that is not empty cannot be replaced");
        assertEquals("kept", Files.readString(target.resolve("inside")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left");
        }
        assertTrue(Files.isDirectory(target));
    }

    /** The inverse of {@link Word2VecWriter#escape}. */
    private static String unescape(String field) {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\') {
                token.append(c);
                continue;
            }
            char code = field.charAt(++i);
            switch (code) {
                case 's' -> token.append(' ');
                case 'n' -> token.append('\n');
                case 't' -> token.append('\t');
                case 'r' -> token.append('\r');
                case '\\' -> token.append('\\');
                case 'u' -> {
                    token.append((char) Integer.parseInt(field.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("unknown escape \\" + code + " in " + field);
            }
        }
        return token.toString();
    }
}
