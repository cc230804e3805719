package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;

/** Tokens are code points: emoji, CJK and combining marks survive encoding exactly. */
class VocabularyTest {

    private static final String UNICODE = "Cafe\u0301 😀 👩‍💻 東京 naïve\n";

    @TempDir
    Path temp;

    @Test
    void codePointsRoundTripExactly() {
        Vocabulary vocabulary = Vocabulary.ofCodePoints(UNICODE);
        assertEquals(UNICODE.codePoints().distinct().count(), vocabulary.size());
        int[] ids = vocabulary.encodeCodePoints(UNICODE, "text");
        assertEquals(UNICODE.codePointCount(0, UNICODE.length()), ids.length);
        StringBuilder decoded = new StringBuilder();
        for (int id : ids) {
            decoded.append(vocabulary.token(id));
        }
        assertEquals(UNICODE, decoded.toString());
        assertTrue(vocabulary.contains("😀"));
    }

    @Test
    void unknownCharactersAreNamed() {
        Vocabulary vocabulary = Vocabulary.ofCodePoints("abc");
        var e = assertThrows(InvalidInputException.class, () -> vocabulary.encodeCodePoints("abz😀", "the prime text"));
        assertTrue(e.getMessage().contains("'z' (U+007A)"), e.getMessage());
        assertTrue(e.getMessage().contains("U+1F600"), e.getMessage());
        assertTrue(e.getMessage().startsWith("the prime text has 2 character(s)"), e.getMessage());
    }

    @Test
    void loaderReadsUtf8AndRejectsBadBytesWithTheirOffset() throws Exception {
        Path good = temp.resolve("good.txt");
        Files.writeString(good, UNICODE, StandardCharsets.UTF_8);
        assertEquals(UNICODE, TextLoader.read(good));

        Path bad = temp.resolve("bad.txt");
        byte[] bytes = "hello, w\u00f6rld".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(bad, bytes);
        var e = assertThrows(InvalidInputException.class, () -> TextLoader.read(bad));
        assertTrue(e.getMessage().contains("byte offset 8"), e.getMessage());
        assertTrue(e.getMessage().contains("0xF6"), e.getMessage());
    }

    @Test
    void loaderRejectsEmptyBinaryAndMissingFiles() throws Exception {
        Path empty = Files.createFile(temp.resolve("empty.txt"));
        assertTrue(assertThrows(InvalidInputException.class, () -> TextLoader.read(empty)).getMessage().contains("is empty"));
        Path binary = temp.resolve("binary.txt");
        Files.write(binary, new byte[] {'a', 'b', 0, 'c'});
        assertTrue(assertThrows(InvalidInputException.class, () -> TextLoader.read(binary)).getMessage().contains("binary"));
        assertTrue(assertThrows(InvalidInputException.class, () -> TextLoader.read(temp.resolve("nope.txt")))
                .getMessage().startsWith("no such file"));
    }

    @Test
    void aFolderIsItsTextFilesInNameOrder() throws Exception {
        Path folder = Files.createDirectory(temp.resolve("corpus"));
        Files.writeString(folder.resolve("b.txt"), "second");
        Files.writeString(folder.resolve("a.txt"), "first ");
        Files.writeString(folder.resolve("notes.md"), "ignored");
        assertEquals("first second", TextLoader.read(folder));
    }
}
