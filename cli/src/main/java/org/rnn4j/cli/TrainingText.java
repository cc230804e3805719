package org.rnn4j.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.nlp.Tokenization;
import org.rnn4j.nlp.Tokenizer;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.Vocabulary;

/**
 * The corpus a training run reads: characters or words of its text, split into train, validation and
 * test by fractions, or with the validation split from a text of its own. A resumed run encodes the text
 * with the checkpoint's vocabulary and tokenizer.
 */
final class TrainingText {

    private TrainingText() {
    }

    /** A character corpus; {@code vocabulary} is the checkpoint's when resuming, else null; {@code validation} may be null. */
    static Corpus characters(NamedText text, NamedText validation, Vocabulary vocabulary, double trainFraction,
                             double validationFraction) {
        Vocabulary known = vocabulary != null ? vocabulary
                : Vocabulary.ofCodePoints(validation == null ? text.text() : text.text() + validation.text());
        if (known.size() < 2) {
            throw new InvalidInputException(text.fingerprint().source() + " has only one distinct character, "
                    + Vocabulary.describe(known.token(0).codePointAt(0)) + ": a model needs at least two to have something to predict");
        }
        if (validation == null) {
            return Corpus.ofCharacters(text.text(), text.fingerprint(), known, trainFraction, validationFraction);
        }
        return new Corpus(known, Corpus.CHARACTERS, known.encodeCodePoints(text.text(), "the corpus"),
                known.encodeCodePoints(validation.text(), "the validation text"), new int[0],
                new CorpusSource(text.fingerprint(), validation.fingerprint(), trainFraction, validationFraction, 0));
    }

    /**
     * A word corpus cut by {@code tokenization}; its vocabulary is the {@code vocabularySize} most frequent
     * training words, or the checkpoint's ({@code vocabulary} not null). Reports the vocabulary's coverage on {@code out}.
     */
    static Corpus words(NamedText text, NamedText validation, Tokenization tokenization, Vocabulary vocabulary,
                        int vocabularySize, double trainFraction, double validationFraction, PrintStream out) {
        Tokenizer tokenizer = tokenization.tokenizer();
        List<List<String>> sentences = tokenizer.sentences(text.text(), "the corpus");
        List<List<List<String>>> splits = validation == null
                ? Corpus.split(sentences, trainFraction, validationFraction)
                : List.of(sentences, tokenizer.sentences(validation.text(), "the validation text"), List.of());
        Vocabulary words = vocabulary != null ? vocabulary : Vocabulary.ofWords(splits.get(0), vocabularySize);
        CorpusSource source = new CorpusSource(text.fingerprint(), validation == null ? null : validation.fingerprint(),
                trainFraction, validationFraction, vocabularySize);
        Corpus corpus = Corpus.ofSentences(words, tokenization.toJson(), splits.get(0), splits.get(1), splits.get(2), source);
        if (corpus.train().length == 0) {
            throw new InvalidInputException("the training split has no sentence; raise --train-frac or give a longer text");
        }
        if (vocabulary == null && words.size() - 3 < vocabularySize) {
            out.printf(Locale.ROOT, "note: the training text has only %,d distinct words, fewer than --vocab-size %,d; the vocabulary holds them all%n",
                    words.size() - 3, vocabularySize);
        }
        out.printf(Locale.ROOT, "words: %,d sentences, %,d training tokens, vocabulary %,d; unknown words are %.2f%% of the training text%n",
                sentences.size(), corpus.train().length, words.size(), 100 * corpus.unknownShare());
        return corpus;
    }
}
