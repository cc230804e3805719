package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;
import org.rnn4j.random.Rng;

/** Reading a file as it is scored gives the ids and the errors that reading it whole gives. */
class CodePointFileTest {

    private static final String ALPHABET = "ab c\nÉé€😀中\t";

    @TempDir
    Path folder;

    @Test
    void cursorsReadTheIdsOfTheWholeTextFromAnyToken() throws IOException {
        // more code points than an index stride and more bytes than a reader's buffer, of 1 to 4 bytes each
        String text = randomText(3 * CodePointFile.INDEX_STRIDE + 17, new Rng(5));
        Path file = write(text.getBytes(StandardCharsets.UTF_8));
        Vocabulary vocabulary = Vocabulary.ofCodePoints(ALPHABET);
        int[] expected = vocabulary.encodeCodePoints(TextLoader.read(file), "text");
        try (CodePointFile codePoints = CodePointFile.open(file, vocabulary, "text")) {
            assertEquals(expected.length, codePoints.length());
            TokenCursor cursor = codePoints.cursor();
            for (long start : new long[] {0, 1, CodePointFile.INDEX_STRIDE - 1, CodePointFile.INDEX_STRIDE,
                    2 * CodePointFile.INDEX_STRIDE + 5, expected.length - 40}) {
                cursor.seek(start);
                int count = (int) Math.min(70_000, expected.length - start);
                int[] read = new int[count];
                for (int i = 0; i < count; i++) {
                    read[i] = cursor.next();
                }
                assertEquals(Arrays.toString(Arrays.copyOfRange(expected, (int) start, (int) start + count)), Arrays.toString(read),
                        "from token " + start);
            }
        }
    }

    @Test
    void invalidBytesFailWithTheLoadersMessageAndOffset() throws IOException {
        byte[] valid = randomText(3000, new Rng(8)).getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                {(byte) 0xF5}, {(byte) 0xFF}, {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, (byte) 0x9F, 0x41}, {0}};
        Rng rng = new Rng(13);
        Vocabulary vocabulary = Vocabulary.ofCodePoints(ALPHABET);
        for (byte[] sequence : bad) {
            for (int trial = 0; trial < 5; trial++) {
                int at = trial == 0 ? valid.length : (int) Math.floorMod(rng.nextLong(), (long) valid.length);
                while (at < valid.length && (valid[at] & 0xC0) == 0x80) {
                    at++;                         // insert between whole characters
                }
                byte[] bytes = new byte[valid.length + sequence.length];
                System.arraycopy(valid, 0, bytes, 0, at);
                System.arraycopy(sequence, 0, bytes, at, sequence.length);
                System.arraycopy(valid, at, bytes, at + sequence.length, valid.length - at);
                Path file = write(bytes);
                String loader = assertThrows(InvalidInputException.class, () -> TextLoader.read(file)).getMessage();
                String streamed = assertThrows(InvalidInputException.class,
                        () -> CodePointFile.open(file, vocabulary, "text").close()).getMessage();
                assertEquals(loader, streamed, Arrays.toString(sequence) + " at byte " + at);
            }
        }
        // a sequence cut short by the end of the file
        byte[] truncated = Arrays.copyOf(valid, valid.length + 2);
        truncated[valid.length] = (byte) 0xE2;
        truncated[valid.length + 1] = (byte) 0x82;
        Path file = write(truncated);
        assertEquals(file + " is not valid UTF-8: byte 0xE2 at byte offset "
                + valid.length + "; convert the file to UTF-8 (for example with iconv)",
                assertThrows(InvalidInputException.class, () -> CodePointFile.open(file, vocabulary, "text")).getMessage());
    }

    @Test
    void unknownCharactersEmptyAndMissingFilesSayWhat() throws IOException {
        Path file = write("abz😀".getBytes(StandardCharsets.UTF_8));
        Vocabulary vocabulary = Vocabulary.ofCodePoints("abc");
        String encoded = assertThrows(InvalidInputException.class,
                () -> vocabulary.encodeCodePoints("abz😀", "the text")).getMessage();
        assertEquals(encoded, assertThrows(InvalidInputException.class,
                () -> CodePointFile.open(file, vocabulary, "the text")).getMessage());
        Path empty = write(new byte[0]);
        assertEquals(empty + " is empty; give a text file with some content",
                assertThrows(InvalidInputException.class, () -> CodePointFile.open(empty, vocabulary, "text")).getMessage());
        Path missing = folder.resolve("missing.txt");
        assertEquals("no such file: " + missing + "; check the path",
                assertThrows(InvalidInputException.class, () -> CodePointFile.open(missing, vocabulary, "text")).getMessage());
    }

    private static String randomText(int codePoints, Rng rng) {
        int[] alphabet = ALPHABET.codePoints().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            text.appendCodePoint(alphabet[(int) Math.floorMod(rng.nextLong(), (long) alphabet.length)]);
        }
        return text.toString();
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(Files.createTempFile(folder, "text", ".txt"), bytes);
    }
}
