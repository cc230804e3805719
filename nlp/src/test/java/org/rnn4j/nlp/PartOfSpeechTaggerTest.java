package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;

/** What the bundled UD English-EWT tagger makes of plain English, and of the poetry corpus in bulk. */
class PartOfSpeechTaggerTest {

    /** The 17 Universal Dependencies part-of-speech tags. */
    private static final Set<String> UPOS = Set.of("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
            "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X");

    private final PartOfSpeechTagger tagger = new PartOfSpeechTagger();

    @Test
    void aPlainSentenceGetsItsTags() {
        assertEquals(List.of("DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "PUNCT"), tagger.tag("The cat sat on the mat.", "the text"));
    }

    @Test
    void aSplitContractionSharesOutTheTagsOfTheWholeToken() {
        // the model tags don't as AUX+PART; tagging do and n't apart it would guess (ca n't → PROPN SYM)
        assertEquals(List.of("PRON", "AUX", "PART", "VERB", "PRON", "PUNCT"), tagger.tag("I don't know him.", "the text"));
        assertEquals(List.of("PRON", "AUX", "PART", "VERB", "PUNCT", "PRON", "AUX", "PART", "PUNCT"), tagger.tag("We can't go; they won't.", "the text"));
        assertEquals(List.of("PRON", "AUX", "ADJ"), tagger.tag("I'm sure", "the text"));
        assertEquals(TokenLevel.WORD.tokens("John's car isn't here.").size(), tagger.tag("John's car isn't here.", "the text").size());
    }

    @Test
    void eachWordOfEachSentenceGetsOneTag() {
        String text = "Whose woods these are I think I know. His house is in the village, though;\nHe will not see me stopping here.";
        List<String> words = TokenLevel.WORD.tokens(text);
        List<String> tags = tagger.tag(text, "the text");
        assertEquals(words.size(), tags.size());
        assertTrue(UPOS.containsAll(tags), tags::toString);
        assertEquals("PROPN", tagger.tag("Lenore", "the text").getFirst());
    }

    @Test
    void textWithoutWordsIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> tagger.tag(" \n\t", "poems.tsv:3"));
        assertTrue(e.getMessage().startsWith("poems.tsv:3 has no words"), e.getMessage());
    }

    @Test
    void threadsTagConcurrently() throws Exception {
        List<String> expected = tagger.tag("Once upon a midnight dreary, while I pondered, weak and weary.", "the text");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = IntStream.range(0, 32)
                    .mapToObj(i -> pool.submit(() -> tagger.tag("Once upon a midnight dreary, while I pondered, weak and weary.", "the text")))
                    .toList();
            for (Future<List<String>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePoetryLinesAreTaggedInSeconds() throws IOException {
        List<String> lines = Stream.of("poetry/robert_frost.txt", "poetry/edgar_allan_poe.txt")
                .map(SharedCorpora::file).flatMap(PartOfSpeechTaggerTest::lines).filter(line -> !line.isBlank()).toList();
        long start = System.nanoTime();
        long tags = 0;
        for (String line : lines) {
            List<String> lineTags = tagger.tag(line, "a poetry line");
            assertTrue(lineTags.stream().allMatch(tag -> Stream.of(tag.split("\\+")).allMatch(UPOS::contains)), () -> line + " → " + lineTags);
            tags += lineTags.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(lines.size() > 2000, "lines: " + lines.size());
        assertTrue(tags > 5 * lines.size(), "tags: " + tags);
        assertTrue(seconds < 60, lines.size() + " lines took " + seconds + " s");
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
