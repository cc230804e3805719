package org.rnn4j.cli.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.rnn4j.InvalidInputException;
import org.rnn4j.classify.LabelledText;
import org.rnn4j.classify.LabelledTextReader;
import org.rnn4j.classify.StratifiedSplit;
import org.rnn4j.kernel.Parallel;
import org.rnn4j.nlp.TokenLevel;
import org.rnn4j.text.Vocabulary;

/**
 * A text classification task ready for training: the labelled texts read, split stratified into training and
 * validation, cut into tokens of one {@link TokenLevel}, and encoded with a vocabulary of every token of the
 * training split. The classes are the data's labels in name order (class index = position). The vocabulary is
 * a word model's ({@link Vocabulary#ofWords}: {@code <unk>}, {@code <s>}, {@code </s>}, then the training
 * tokens from the most frequent down) at every level, so a validation token that training never saw becomes
 * {@code <unk>}.
 *
 * @param level           the token level
 * @param labels          the C class names, in class-index order
 * @param vocabulary      V tokens, from the training split
 * @param train           the training examples
 * @param validation      the validation examples
 * @param tokenizeSeconds wall-clock time spent cutting the texts into tokens
 */
public record LabelledDataset(TokenLevel level, List<String> labels, Vocabulary vocabulary, EncodedExamples train,
                              EncodedExamples validation, double tokenizeSeconds) {

    /** Texts per task when the tokenizing is spread over the {@link Parallel} pool. */
    private static final int TEXTS_PER_TASK = 64;

    /**
     * Reads, splits, tokenizes and encodes. Refusals come before any tokenizing where they can: a bad file,
     * a single class, a class with one example.
     */
    public static LabelledDataset load(DatasetOptions options) {
        List<LabelledText> texts = LabelledTextReader.read(options.data(), options.classes());
        List<String> labels = texts.stream().map(LabelledText::label).distinct().sorted().toList();
        int[] classOf = classes(texts, labels);
        StratifiedSplit split = StratifiedSplit.of(classOf, labels, options.validationFraction(), options.seed());
        long start = System.nanoTime();
        List<List<String>> tokens = tokenize(texts, options.level());
        double seconds = (System.nanoTime() - start) / 1e9;
        List<List<String>> trainTokens = Arrays.stream(split.train()).mapToObj(tokens::get).toList();
        Vocabulary vocabulary = Vocabulary.ofWords(trainTokens, Integer.MAX_VALUE);
        return new LabelledDataset(options.level(), labels, vocabulary, encode(texts, tokens, classOf, split.train(), vocabulary),
                encode(texts, tokens, classOf, split.validation(), vocabulary), seconds);
    }

    /**
     * Labelled texts a model did not train on (for evaluation), encoded with its {@code vocabulary} and its
     * classes {@code labels}; a text whose label is not among them is refused with its origin.
     */
    public static EncodedExamples encode(List<LabelledText> texts, TokenLevel level, Vocabulary vocabulary, List<String> labels) {
        int[] classOf = classes(texts, labels);
        return encode(texts, tokenize(texts, level), classOf, IntStream.range(0, texts.size()).toArray(), vocabulary);
    }

    /** C. */
    public int classCount() {
        return labels.size();
    }

    /** The share of the validation tokens that are {@code <unk>}, in [0, 1]. */
    public double unknownShare() {
        int unknown = vocabulary.id(Vocabulary.UNKNOWN);
        long count = Arrays.stream(validation.sequences()).flatMapToInt(Arrays::stream).filter(id -> id == unknown).count();
        long total = validation.tokens();
        return total == 0 ? 0 : (double) count / total;
    }

    /** The examples per class, by name in class order. */
    public Map<String, Integer> classSizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        for (EncodedExamples examples : List.of(train, validation)) {
            for (int c : examples.classes()) {
                sizes.merge(labels.get(c), 1, Integer::sum);
            }
        }
        return sizes;
    }

    /** The class index of each text; a label outside {@code labels} is refused with the text's origin. */
    private static int[] classes(List<LabelledText> texts, List<String> labels) {
        int[] classOf = new int[texts.size()];
        for (int n = 0; n < texts.size(); n++) {
            classOf[n] = labels.indexOf(texts.get(n).label());
            if (classOf[n] < 0) {
                throw new InvalidInputException(texts.get(n).origin() + ": the label '" + texts.get(n).label()
                        + "' is not one of the model's classes (" + String.join(", ", labels) + "); remove the example or train a model that has it");
            }
        }
        return classOf;
    }

    /**
     * The tokens of every text, cut on the {@link Parallel} pool in tasks of {@value #TEXTS_PER_TASK} texts;
     * when texts are refused, the first of them in text order is reported, however the threads ran.
     */
    private static List<List<String>> tokenize(List<LabelledText> texts, TokenLevel level) {
        int n = texts.size();
        int tasks = (n + TEXTS_PER_TASK - 1) / TEXTS_PER_TASK;
        List<List<String>> tokens = new ArrayList<>(Collections.nCopies(n, null));
        InvalidInputException[] refusals = new InvalidInputException[tasks]; // the first refusal of each task
        Parallel.forEach(tasks, task -> {
            for (int i = task * TEXTS_PER_TASK; i < Math.min(n, (task + 1) * TEXTS_PER_TASK); i++) {
                try {
                    tokens.set(i, level.tokens(texts.get(i).text(), texts.get(i).origin()));
                } catch (InvalidInputException e) {
                    refusals[task] = e;
                    return;
                }
            }
        });
        for (InvalidInputException refusal : refusals) {
            if (refusal != null) {
                throw refusal;
            }
        }
        return tokens;
    }

    /** The examples at {@code indices}, their tokens as ids of {@code vocabulary}. */
    private static EncodedExamples encode(List<LabelledText> texts, List<List<String>> tokens, int[] classOf, int[] indices, Vocabulary vocabulary) {
        int[][] sequences = new int[indices.length][];
        int[] classes = new int[indices.length];
        List<String> origins = new ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) {
            List<String> sequence = tokens.get(indices[i]);
            sequences[i] = sequence.stream().mapToInt(vocabulary::wordId).toArray();
            classes[i] = classOf[indices[i]];
            origins.add(texts.get(indices[i]).origin());
        }
        return new EncodedExamples(sequences, classes, origins);
    }
}
