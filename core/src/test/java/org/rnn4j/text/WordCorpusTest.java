package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Word vocabularies keep the most frequent words after the specials; word corpora are sentence streams. */
class WordCorpusTest {

    private static final List<List<String>> SENTENCES = List.of(
            List.of("the", "cat", "sat", "."),
            List.of("the", "dog", "sat", "."),
            List.of("a", "<unk>", "ran", "."));

    @Test
    void specialsComeFirstThenWordsByFrequency() {
        Vocabulary vocabulary = Vocabulary.ofWords(SENTENCES, 3);
        assertEquals(List.of(Vocabulary.UNKNOWN, Vocabulary.SENTENCE_START, Vocabulary.SENTENCE_END, ".", "the", "sat"),
                vocabulary.tokens());
        assertTrue(vocabulary.words());
        assertFalse(Vocabulary.ofCodePoints("abc").words());
        assertEquals(0, vocabulary.wordId("dog"));
        assertEquals(-1, vocabulary.id("dog"));
    }

    @Test
    void aCapAboveTheDistinctWordsKeepsThemAll() {
        Vocabulary vocabulary = Vocabulary.ofWords(SENTENCES, 100);
        assertEquals(3 + 7, vocabulary.size()); // <unk> in the text is the unknown token, not a word
    }

    @Test
    void sentencesBecomeOneStreamWithEndTokensAndUnknownWords() {
        Vocabulary vocabulary = Vocabulary.ofWords(SENTENCES, 3);
        int end = vocabulary.id(Vocabulary.SENTENCE_END);
        int[] ids = Corpus.encodeSentences(vocabulary, SENTENCES.subList(0, 2));
        int the = vocabulary.id("the");
        int sat = vocabulary.id("sat");
        int stop = vocabulary.id(".");
        assertArrayEquals(new int[] {the, 0, sat, stop, end, the, 0, sat, stop, end}, ids);

        Corpus corpus = Corpus.ofSentences(vocabulary, java.util.Map.of("level", "word"), SENTENCES, List.of(), List.of(),
                new CorpusSource(TextFingerprint.of(SENTENCES.toString(), "the test sentences"), null, 1, 0, 10));
        assertTrue(corpus.words());
        assertEquals(5 / 12.0, corpus.unknownShare(), 1e-12); // cat, dog, a, <unk>, ran of 12 words
    }
}
