package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Characters beyond ASCII are code points end to end: emoji outside the BMP, ZWJ sequences, CJK, combining marks. */
class UnicodeTest {

    /** 😀 is a surrogate pair in UTF-16; 👩‍💻 is woman + ZWJ + laptop; "é" here is e + U+0301 (combining acute). */
    private static final String LINES = """
            Grinning 😀 and coding 👩\u200D💻 all night.
            漢字と仮名の文章です。日本語のテキスト。
            Cafe\u0301 naïve re\u0301sume\u0301 — ok!
            """;

    @TempDir
    static Path temp;

    private static String corpus;
    private static Path corpusFile;
    private static Path checkpoint;

    @BeforeAll
    static void train() throws Exception {
        corpus = LINES.repeat(3000 / LINES.length() + 1);
        corpusFile = temp.resolve("unicode.txt");
        Files.writeString(corpusFile, corpus, StandardCharsets.UTF_8);
        Path run = temp.resolve("run");
        Cli.trainTiny(corpusFile, run, "--max-steps", "30").ok();
        checkpoint = run.resolve("checkpoint.safetensors");
    }

    @Test
    void vocabularyCountsCodePoints() {
        long distinct = corpus.codePoints().distinct().count();
        assertTrue(corpus.codePoints().anyMatch(Character::isSupplementaryCodePoint), "the corpus has surrogate pairs");
        String out = Cli.run("inspect", checkpoint.toString()).ok().out();
        assertTrue(out.contains("vocabulary   " + distinct + " characters"), "expected " + distinct + " in:\n" + out);
    }

    @Test
    void samplePrimedWithEmojiAndCjkIsValidUtf8() throws CharacterCodingException {
        String prime = "😀 漢字";
        Cli.Result result = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--prime", prime, "--length", "300",
                "--seed", "2").ok();
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(result.outBytes())).toString();
        assertTrue(text.startsWith(prime), text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(++i));
            assertTrue(!Character.isSurrogate(c) || paired, "lone surrogate at " + i + " in " + text);
        }
        // '?' is not in the corpus, so one in the output would be an unencodable character replaced by the encoder
        Set<Integer> known = corpus.codePoints().boxed().collect(Collectors.toSet());
        String generated = text.substring(prime.length(), text.length() - 1);
        assertEquals(300, generated.codePointCount(0, generated.length()), "300 code points generated");
        generated.codePoints().forEach(cp -> assertTrue(known.contains(cp), "U+" + Integer.toHexString(cp) + " is not in the corpus"));
    }

    @Test
    void perTokenEvalHasOneLinePerCodePoint() {
        String out = Cli.run("eval", "--checkpoint", checkpoint.toString(), "--text", corpusFile.toString(), "--per-token").ok().out();
        long lines = out.lines().filter(line -> line.matches("\\d+\t.*")).count();
        assertEquals(corpus.codePointCount(0, corpus.length()) - 1, lines);
        assertTrue(out.contains("\t😀\t"), "the emoji is one token");
    }
}
