package org.rnn4j.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.rnn4j.InvalidInputException;

/**
 * English text as written, cut by Apache OpenNLP's sentence detector and word tokenizer with the
 * Universal Dependencies English-EWT models, which ship inside their Maven jars and load once per process
 * from the class path. Steps: blank lines (lines of only whitespace) end paragraphs, and no sentence
 * crosses one; the sentence detector splits each paragraph; the word tokenizer makes punctuation tokens
 * ("he left!" → he, left, !); {@link EnglishClitics} splits contractions and possessives (don't → do,
 * n't); then the {@link Casing} applies.
 *
 * <p>Text it refuses, each with a one-line {@link InvalidInputException}: text with no token; a sentence of
 * more than {@value #MAX_SENTENCE_TOKENS} tokens, which means the text lacks sentence ends (the message
 * gives its line and column); and text in which most words (tokens with a letter) have letters outside
 * the Latin script, for which the English models cut wrongly (Chinese comes out as whole sentences).
 * Latin-script languages other than English pass and are cut as if English. These are errors, not
 * warnings, because training on such tokens wastes the run; whitespace mode is the way out for any of them.
 *
 * <p>Thread-safe: the models are immutable and shared, and each call makes its own detector and tokenizer
 * (OpenNLP's are not thread-safe; making them costs microseconds).
 */
public final class OpenNlpTokenizer implements Tokenizer {

    /**
     * The longest sentence accepted, in OpenNLP tokens. Real sentences stay far below it (PTB at most 82,
     * Brown 180, the King James Bible's verse chains 564); a text without sentence ends passes it.
     */
    public static final int MAX_SENTENCE_TOKENS = 1000;

    private final Casing casing;

    public OpenNlpTokenizer(Casing casing) {
        this.casing = casing;
    }

    @Override
    public List<List<String>> sentences(String text, String what) {
        List<List<String>> sentences = new ArrayList<>();
        for (String[] tokens : modelSentences(text, what)) {
            List<String> words = new ArrayList<>(tokens.length);
            for (String token : tokens) {
                EnglishClitics.split(token, words);
            }
            words.replaceAll(casing::apply);
            sentences.add(words);
        }
        return sentences;
    }

    /**
     * The sentences of {@code text} as the OpenNLP models cut them, before {@link EnglishClitics} and the
     * casing (don't stays whole), with the refusals of {@link #sentences}.
     */
    static List<String[]> modelSentences(String text, String what) {
        SentenceDetectorME detector = new SentenceDetectorME(EnglishModels.SENTENCES);
        TokenizerME tokenizer = new TokenizerME(EnglishModels.TOKENS);
        WordScripts scripts = new WordScripts();
        List<String[]> sentences = new ArrayList<>();
        for (Span paragraph : paragraphs(text)) {
            String paragraphText = paragraph.getCoveredText(text).toString();
            for (Span sentence : detector.sentPosDetect(paragraphText)) {
                String[] tokens = tokenizer.tokenize(sentence.getCoveredText(paragraphText).toString());
                if (tokens.length > MAX_SENTENCE_TOKENS) {
                    throw noSentenceEnd(text, paragraph.getStart() + sentence.getStart(), tokens, what);
                }
                for (String token : tokens) {
                    scripts.count(token);
                }
                sentences.add(tokens);
            }
        }
        if (sentences.isEmpty()) {
            throw new InvalidInputException(what + " has no words, only whitespace; give some English text");
        }
        scripts.requireMostlyLatin(what);
        return sentences;
    }

    /** The runs of non-blank lines, from the start of the first line to the end of the last. */
    private static List<Span> paragraphs(String text) {
        List<Span> paragraphs = new ArrayList<>();
        int paragraphStart = -1;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            if (!text.substring(lineStart, lineEnd).isBlank()) {
                if (paragraphStart < 0) {
                    paragraphStart = lineStart;
                }
            } else if (paragraphStart >= 0) {
                paragraphs.add(new Span(paragraphStart, lineStart));
                paragraphStart = -1;
            }
            lineStart = lineEnd + 1;
        }
        if (paragraphStart >= 0) {
            paragraphs.add(new Span(paragraphStart, text.length()));
        }
        return paragraphs;
    }

    private static InvalidInputException noSentenceEnd(String text, int offset, String[] tokens, String what) {
        String start = String.join(" ", Arrays.asList(tokens).subList(0, 8));
        return new InvalidInputException(String.format(Locale.ROOT,
                "%s has a sentence of %,d tokens at %s (\"%s …\"): no sentence end (. ! ?) in more than %,d tokens; "
                        + "add punctuation or blank lines between paragraphs, or, for text with one sentence per line, "
                        + "use whitespace mode", what, tokens.length, position(text, offset), start, MAX_SENTENCE_TOKENS));
    }

    /** "line L, column C" of a char offset, both counted from 1, columns in code points. */
    private static String position(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        long line = 1 + text.chars().limit(lineStart).filter(c -> c == '\n').count();
        return "line " + line + ", column " + (text.codePointCount(lineStart, offset) + 1);
    }

    /** Counts words (tokens with a letter) and those whose letters are all Latin script. */
    private static final class WordScripts {
        private int words;
        private int latinWords;

        void count(String token) {
            boolean word = false;
            boolean latin = true;
            for (int i = 0; i < token.length(); ) {
                int codePoint = token.codePointAt(i);
                if (Character.isLetter(codePoint)) {
                    word = true;
                    latin &= Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.LATIN;
                }
                i += Character.charCount(codePoint);
            }
            if (word) {
                words++;
                latinWords += latin ? 1 : 0;
            }
        }

        void requireMostlyLatin(String what) {
            if (2L * latinWords < words) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "%s does not look like English: only %,d of its %,d words are written in Latin letters, and the "
                                + "OpenNLP models cut English; tokenize the text yourself (one sentence per line, tokens "
                                + "between spaces) and use whitespace mode", what, latinWords, words));
            }
        }
    }

    /** The UD English-EWT models of org.apache.opennlp:opennlp-models-{sentdetect,tokenizer}-en 1.3.0, read on first use. */
    private static final class EnglishModels {
        static final SentenceModel SENTENCES = load("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin", SentenceModel::new);
        static final TokenizerModel TOKENS = load("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin", TokenizerModel::new);

        private interface Reader<M> {
            M read(InputStream in) throws IOException;
        }

        private static <M> M load(String resource, Reader<M> reader) {
            try (InputStream in = OpenNlpTokenizer.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("the OpenNLP model " + resource + " is not on the class path; "
                            + "rnn4j-nlp needs the opennlp-models jars of the version its pom names");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenNLP model " + resource, e);
            }
        }
    }
}
