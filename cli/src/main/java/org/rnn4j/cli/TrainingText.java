package org.rnn4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.nlp.Tokenization;
import org.rnn4j.nlp.Tokenizer;
import org.rnn4j.text.Corpus;
import org.rnn4j.text.CorpusFile;
import org.rnn4j.text.CorpusSource;
import org.rnn4j.text.Vocabulary;

/**
 * The corpus a training run reads: characters or words of its text, split into train, validation and
 * test by fractions, or with the validation split from a text of its own, tokenized once into the run
 * folder's token file ({@link CorpusFile}) and read from there again when it was made from the same text
 * and settings. A resumed run encodes the text with the checkpoint's vocabulary and tokenizer.
 */
final class TrainingText {

    private TrainingText() {
    }

    /** A character corpus; {@code vocabulary} is the checkpoint's when resuming, else null; {@code validation} may be null. */
    static CorpusFile characters(Path folder, NamedText text, NamedText validation, Vocabulary vocabulary, double trainFraction,
                                 double validationFraction) {
        CorpusSource source = new CorpusSource(text.fingerprint(), validation == null ? null : validation.fingerprint(),
                trainFraction, validationFraction, 0);
        var reused = CorpusFile.reuse(folder, source, Corpus.CHARACTERS, vocabulary);
        if (reused.isPresent()) {
            return reused.get();
        }
        Vocabulary known = vocabulary;
        if (known != null) {
            requireKnownCharacters(Vocabulary.ofCodePoints(text.source()), known);
        } else {
            known = validation == null ? Vocabulary.ofCodePoints(text.source()) : Vocabulary.ofCodePoints(text.source(), validation.source());
            if (known.size() < 2) {
                throw new InvalidInputException(text.fingerprint().source() + " has only one distinct character, "
                        + Vocabulary.describe(known.token(0).codePointAt(0)) + ": a model needs at least two to have something to predict");
            }
        }
        return CorpusFile.characters(folder, text.source(), validation == null ? null : validation.source(), source, known);
    }

    private static void requireKnownCharacters(Vocabulary found, Vocabulary vocabulary) {
        for (String character : found.tokens()) {
            if (!vocabulary.contains(character)) {
                throw new InvalidInputException("this corpus has characters the checkpoint's vocabulary lacks, such as "
                        + Vocabulary.describe(character.codePointAt(0)) + "; resume with the text the model was trained on");
            }
        }
    }

    /**
     * A word corpus cut by {@code tokenization}; its vocabulary is the {@code vocabularySize} most frequent
     * training words, or the checkpoint's ({@code vocabulary} not null). Reports the vocabulary's coverage on {@code out}.
     */
    static CorpusFile words(Path folder, NamedText text, NamedText validation, Tokenization tokenization, Vocabulary vocabulary,
                            int vocabularySize, double trainFraction, double validationFraction, PrintStream out) {
        CorpusSource source = new CorpusSource(text.fingerprint(), validation == null ? null : validation.fingerprint(),
                trainFraction, validationFraction, vocabularySize);
        Tokenizer tokenizer = tokenization.tokenizer();
        CorpusFile file = CorpusFile.reuse(folder, source, tokenization.toJson(), vocabulary).orElseGet(() ->
                CorpusFile.words(folder, sink -> tokenizer.sentences(text.source().lines(), "the corpus", sink),
                        validation == null ? null : sink -> tokenizer.sentences(validation.source().lines(), "the validation text", sink),
                        tokenization.toJson(), source, vocabulary));
        Corpus corpus = file.corpus();
        Vocabulary words = corpus.vocabulary();
        if (corpus.train().length() == 0) {
            throw new InvalidInputException("the training split has no sentence; raise --train-frac or give a longer text");
        }
        if (vocabulary == null && words.size() - 3 < vocabularySize) {
            out.printf(Locale.ROOT, "note: the training text has only %,d distinct words, fewer than --vocab-size %,d; the vocabulary holds them all%n",
                    words.size() - 3, vocabularySize);
        }
        out.printf(Locale.ROOT, "words: %,d sentences, %,d training tokens, vocabulary %,d; unknown words are %.2f%% of the training text%n",
                file.sentences(), corpus.train().length(), words.size(), 100 * corpus.unknownShare());
        return file;
    }
}
