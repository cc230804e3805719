package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {

    /** Texts around the 65,536-character chunk, with a surrogate pair (𝄞) across each chunk boundary. */
    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {0, 1, 65_535, 65_537, 65_538, 200_001})
    void isTheSha256OfTheUtf8Bytes(int length) throws Exception {
        StringBuilder text = new StringBuilder("é ab\n".repeat(length / 5 + 1));
        for (int boundary = 65_535; boundary + 2 < text.length(); boundary += 65_536) {
            text.replace(boundary, boundary + 2, "𝄞"); // high surrogate last in a chunk, low surrogate first in the next
        }
        String s = text.substring(0, length);
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        TextFingerprint fingerprint = TextFingerprint.of(s, "the text");
        assertEquals(bytes.length, fingerprint.bytes());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), fingerprint.sha256());
    }

    @Test
    void sameTextWhereverItLies() {
        TextFingerprint here = TextFingerprint.of("To be, or not to be", "here.txt");
        assertTrue(here.sameText(TextFingerprint.of("To be, or not to be", "there.txt")));
        assertFalse(here.sameText(TextFingerprint.of("To be, or not to be?", "here.txt")));
    }

    @Test
    void sourceRoundTripsThroughJson() {
        CorpusSource source = new CorpusSource(TextFingerprint.of("abc", "a.txt"), TextFingerprint.of("d", "v.txt"), 0.5, 0.05, 10_000);
        assertEquals(source, CorpusSource.fromJson(source.toJson()));
        CorpusSource split = new CorpusSource(TextFingerprint.of("abc", "a.txt"), null, 0.9, 0.1, 0);
        assertEquals(split, CorpusSource.fromJson(split.toJson()));
    }
}
