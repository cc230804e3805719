package org.rnn4j.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.InvalidInputException;
import org.rnn4j.random.Rng;

/**
 * A corpus tokenized into a token file is, split for split and token for token, the corpus made in memory
 * from the same text; it is read again only when it was made from the same text, settings and vocabulary.
 */
class CorpusFileTest {

    private static final Map<String, Object> WORDS = Map.of("level", "word", "mode", "whitespace", "lowercase", false);

    @TempDir
    Path folder;

    @ParameterizedTest(name = "train {0}, validation {1}")
    @CsvSource({"0.9, 0.1", "0.5, 0.25", "1, 0", "0.8, 0.2"})
    void charactersMatchTheCorpusMadeInMemory(double trainFraction, double validationFraction) throws IOException {
        String text = randomText(70_000, 9);
        Path file = Files.writeString(folder.resolve("text.txt"), text, StandardCharsets.UTF_8);
        TextSource source = TextSource.of(file);
        TextFingerprint fingerprint = source.fingerprint(file.toString());
        Vocabulary vocabulary = Vocabulary.ofCodePoints(source);
        assertEquals(Vocabulary.ofCodePoints(text).tokens(), vocabulary.tokens());
        CorpusSource corpusSource = new CorpusSource(fingerprint, null, trainFraction, validationFraction, 0);

        CorpusFile written = CorpusFile.characters(folder, source, null, corpusSource, vocabulary);

        Corpus expected = Corpus.ofCharacters(text, fingerprint, vocabulary, trainFraction, validationFraction);
        assertSameTokens(expected, written.corpus());
        assertFalse(written.reused());
        assertEquals(CorpusFile.path(folder, fingerprint), written.file());
        assertEquals(1, written.width());
    }

    @Test
    void aValidationTextFollowsTheTextAndTheTestSplitIsEmpty() throws IOException {
        Path folderOfText = Files.createDirectory(folder.resolve("parts"));
        Files.writeString(folderOfText.resolve("b.txt"), "second part, ", StandardCharsets.UTF_8);
        Files.writeString(folderOfText.resolve("a.txt"), "first part 😀; ", StandardCharsets.UTF_8);
        Path validation = Files.writeString(folder.resolve("valid.txt"), "a fine part", StandardCharsets.UTF_8);
        TextSource text = TextSource.of(folderOfText);
        TextSource validationText = TextSource.of(validation);
        Vocabulary vocabulary = Vocabulary.ofCodePoints(text, validationText);
        CorpusSource source = new CorpusSource(text.fingerprint("parts"), validationText.fingerprint("valid"), 0.9, 0.1, 0);

        Corpus corpus = CorpusFile.characters(folder, text, validationText, source, vocabulary).corpus();

        String joined = TextLoader.read(folderOfText);
        assertEquals("first part 😀; second part, ", joined);
        assertEquals(List.of(ids(vocabulary, joined), ids(vocabulary, "a fine part"), List.of()),
                List.of(list(corpus.train()), list(corpus.validation()), list(corpus.test())));
    }

    @Test
    void charactersOutsideAGivenVocabularyAreRefusedAndNothingIsLeft() throws IOException {
        Path file = Files.writeString(folder.resolve("text.txt"), "abcabcx", StandardCharsets.UTF_8);
        TextSource source = TextSource.of(file);
        CorpusSource corpusSource = new CorpusSource(source.fingerprint("text"), null, 0.9, 0.1, 0);
        var e = assertThrows(InvalidInputException.class,
                () -> CorpusFile.characters(folder, source, null, corpusSource, Vocabulary.ofCodePoints("abc")));
        assertTrue(e.getMessage().contains("'x' (U+0078)"), e.getMessage());
        assertEquals(List.of("text.txt"), files());
    }

    @ParameterizedTest(name = "train {0}, validation {1}, at most {2} words")
    @CsvSource({"0.9, 0.1, 10000", "0.5, 0.3, 5", "1, 0, 3", "0.6, 0.4, 1"})
    void wordsMatchTheCorpusMadeInMemory(double trainFraction, double validationFraction, int maxWords) {
        List<List<String>> sentences = randomSentences(400, 11);
        CorpusSource source = new CorpusSource(TextFingerprint.of(sentences.toString(), "sentences"), null, trainFraction,
                validationFraction, maxWords);

        CorpusFile written = CorpusFile.words(folder, sentences::forEach, null, WORDS, source, null);

        List<List<List<String>>> splits = Corpus.split(sentences, trainFraction, validationFraction);
        Vocabulary vocabulary = Vocabulary.ofWords(splits.get(0), maxWords);
        Corpus expected = Corpus.ofSentences(vocabulary, WORDS, splits.get(0), splits.get(1), splits.get(2), source);
        assertEquals(vocabulary.tokens(), written.corpus().vocabulary().tokens());
        assertSameTokens(expected, written.corpus());
        assertEquals(400, written.sentences());
        assertEquals(List.of(written.file().getFileName().toString()), files(), "the scratch file is gone");
    }

    @Test
    void wordsOfAValidationTextWithAGivenVocabulary() {
        List<List<String>> sentences = randomSentences(50, 12);
        List<List<String>> validation = randomSentences(20, 13);
        Vocabulary vocabulary = Vocabulary.ofWords(validation, 4);
        CorpusSource source = new CorpusSource(TextFingerprint.of("text", "text"), TextFingerprint.of("validation", "validation"),
                0.9, 0.1, 4);

        Corpus corpus = CorpusFile.words(folder, sentences::forEach, validation::forEach, WORDS, source, vocabulary).corpus();

        Corpus expected = Corpus.ofSentences(vocabulary, WORDS, sentences, validation, List.of(), source);
        assertSameTokens(expected, corpus);
    }

    @Test
    void aTokenFileIsReadAgainOnlyForTheSameTextSettingsAndVocabulary() throws IOException {
        String text = randomText(5000, 14);
        TextFingerprint fingerprint = TextFingerprint.of(text, "text");
        Path file = Files.writeString(folder.resolve("text.txt"), text, StandardCharsets.UTF_8);
        Vocabulary vocabulary = Vocabulary.ofCodePoints(text);
        CorpusSource source = new CorpusSource(fingerprint, null, 0.9, 0.1, 0);
        Corpus written = CorpusFile.characters(folder, TextSource.of(file), null, source, vocabulary).corpus();

        CorpusFile again = CorpusFile.reuse(folder, new CorpusSource(new TextFingerprint("moved/text.txt", fingerprint.bytes(),
                fingerprint.sha256()), null, 0.9, 0.1, 0), Corpus.CHARACTERS, null).orElseThrow();
        assertTrue(again.reused());
        assertSameTokens(written, again.corpus());
        assertEquals(vocabulary.tokens(), again.corpus().vocabulary().tokens());
        assertTrue(CorpusFile.reuse(folder, source, Corpus.CHARACTERS, vocabulary).isPresent());

        assertTrue(CorpusFile.reuse(folder, new CorpusSource(fingerprint, null, 0.8, 0.1, 0), Corpus.CHARACTERS, null).isEmpty());
        assertTrue(CorpusFile.reuse(folder, new CorpusSource(fingerprint, fingerprint, 0.9, 0.1, 0), Corpus.CHARACTERS, null).isEmpty());
        assertTrue(CorpusFile.reuse(folder, source, WORDS, null).isEmpty());
        assertTrue(CorpusFile.reuse(folder, source, Corpus.CHARACTERS, Vocabulary.ofCodePoints(text + "~")).isEmpty());
        assertTrue(CorpusFile.reuse(folder, new CorpusSource(TextFingerprint.of(text + " ", "text"), null, 0.9, 0.1, 0),
                Corpus.CHARACTERS, null).isEmpty());

        Path path = CorpusFile.path(folder, fingerprint);
        byte[] bytes = Files.readAllBytes(path);
        Files.write(path, Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(CorpusFile.reuse(folder, source, Corpus.CHARACTERS, null).isEmpty(), "a file cut short is written anew");
    }

    private static void assertSameTokens(Corpus expected, Corpus actual) {
        assertEquals(list(expected.train()), list(actual.train()), "train");
        assertEquals(list(expected.validation()), list(actual.validation()), "validation");
        assertEquals(list(expected.test()), list(actual.test()), "test");
    }

    private static List<Integer> list(TokenArray tokens) {
        List<Integer> ids = new ArrayList<>();
        for (long i = 0; i < tokens.length(); i++) {
            ids.add(tokens.get(i));
        }
        return ids;
    }

    private static List<Integer> ids(Vocabulary vocabulary, String text) {
        return Arrays.stream(vocabulary.encodeCodePoints(text, "text")).boxed().toList();
    }

    /** Code points of 1 to 4 UTF-8 bytes. */
    private static String randomText(int length, long seed) {
        String alphabet = "ab c\nÉé€😀中\t";
        int[] codePoints = alphabet.codePoints().toArray();
        Rng rng = new Rng(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(codePoints[(int) (rng.nextDouble() * codePoints.length)]);
        }
        return text.toString();
    }

    /** Sentences of 1 to 8 words from a skewed vocabulary, with the specials spelled in the text now and then. */
    private static List<List<String>> randomSentences(int count, long seed) {
        List<String> words = List.of("the", "a", "cat", "dog", "sat", "ran", ".", "<unk>", "</s>", "<s>", "zebra", "of", "and");
        Rng rng = new Rng(seed);
        List<List<String>> sentences = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            List<String> sentence = new ArrayList<>();
            for (int w = 1 + (int) (rng.nextDouble() * 8); w > 0; w--) {
                double u = rng.nextDouble();
                sentence.add(words.get((int) (u * u * words.size())));
            }
            sentences.add(sentence);
        }
        return sentences;
    }

    private List<String> files() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
