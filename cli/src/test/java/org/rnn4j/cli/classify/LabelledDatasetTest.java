package org.rnn4j.cli.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;
import org.rnn4j.classify.LabelledText;
import org.rnn4j.classify.LabelledTextReader;
import org.rnn4j.nlp.TokenLevel;
import org.rnn4j.text.Vocabulary;

/** The pipeline from labelled texts to token ids: classes, split, a vocabulary of the training split, and refusals in text order. */
class LabelledDatasetTest {

    @TempDir
    Path temp;

    @Test
    void theVocabularyHoldsTheTrainingTokensAndValidationOnlyTokensAreUnknown() throws IOException {
        Path data = write("b\tzebra apple\na\tapple pear\nb\tzebra zebra\na\tpear plum\nb\tkiwi zebra\na\tfig apple\n");
        LabelledDataset dataset = LabelledDataset.load(new DatasetOptions(data, List.of(), TokenLevel.WORD, 0.34, 3));
        assertEquals(List.of("a", "b"), dataset.labels());
        assertEquals(4, dataset.train().size());
        assertEquals(2, dataset.validation().size());
        List<LabelledText> texts = LabelledTextReader.read(data, List.of());
        Set<String> trainWords = dataset.train().origins().stream()
                .flatMap(origin -> Arrays.stream(text(texts, origin).split(" "))).collect(Collectors.toSet());
        assertEquals(trainWords, new HashSet<>(dataset.vocabulary().tokens().subList(3, dataset.vocabulary().size())));
        int unknown = dataset.vocabulary().id(Vocabulary.UNKNOWN);
        EncodedExamples validation = dataset.validation();
        for (int n = 0; n < validation.size(); n++) {
            String[] words = text(texts, validation.origins().get(n)).split(" ");
            for (int t = 0; t < words.length; t++) {
                int expected = trainWords.contains(words[t]) ? dataset.vocabulary().id(words[t]) : unknown;
                assertEquals(expected, validation.sequences()[n][t], validation.origins().get(n) + " word " + t);
            }
            assertEquals(dataset.labels().indexOf(label(texts, validation.origins().get(n))), validation.classes()[n]);
        }
    }

    @Test
    void anUnknownLabelAtEvaluationIsRefusedWithItsLine() throws IOException {
        Path data = write("a\tone two\nb\tthree\nc\tfour five\n");
        List<LabelledText> texts = LabelledTextReader.read(data, List.of());
        Vocabulary vocabulary = Vocabulary.ofWords(List.of(List.of("one", "two")), 10);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> LabelledDataset.encode(texts, TokenLevel.WORD, vocabulary, List.of("a", "b")));
        assertEquals(data + ":3: the label 'c' is not one of the model's classes (a, b); remove the example or train a model that has it", e.getMessage());
        EncodedExamples known = LabelledDataset.encode(texts.subList(0, 2), TokenLevel.WORD, vocabulary, List.of("a", "b"));
        assertEquals(List.of(vocabulary.id("one"), vocabulary.id("two")), Arrays.stream(known.sequences()[0]).boxed().toList());
        assertEquals(List.of(0, 1), Arrays.stream(known.classes()).boxed().toList());
    }

    @Test
    void ofSeveralBadTextsTheFirstIsReportedWhicheverThreadCutIt() throws IOException {
        // 200 texts over several tasks of the pool; texts 70 and 150 are not in Latin letters
        String lines = IntStream.range(0, 200).mapToObj(i -> (i % 2 == 0 ? "a" : "b") + "\t"
                + (i == 69 || i == 149 ? "狗在叫。狗在跑。" : "The dog number " + i + " runs.")).collect(Collectors.joining("\n"));
        Path data = write(lines);
        for (int attempt = 0; attempt < 3; attempt++) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> LabelledDataset.load(new DatasetOptions(data, List.of(), TokenLevel.WORD, 0.2, 1)));
            assertTrue(e.getMessage().startsWith(data + ":70 does not look like English"), e.getMessage());
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(temp.resolve("data.tsv"), text, StandardCharsets.UTF_8);
    }

    private static String text(List<LabelledText> texts, String origin) {
        return texts.stream().filter(t -> t.origin().equals(origin)).findFirst().orElseThrow().text();
    }

    private static String label(List<LabelledText> texts, String origin) {
        return texts.stream().filter(t -> t.origin().equals(origin)).findFirst().orElseThrow().label();
    }
}
