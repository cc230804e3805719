package org.rnn4j.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
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
 * crosses one, so a text is read one paragraph at a time; the sentence detector splits each paragraph; the word tokenizer makes punctuation tokens
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
    public void sentences(Iterator<String> lines, String what, Consumer<List<String>> sentences) {
        modelSentences(lines, what, tokens -> {
            List<String> words = new ArrayList<>(tokens.length);
            for (String token : tokens) {
                EnglishClitics.split(token, words);
            }
            words.replaceAll(casing::apply);
            sentences.accept(words);
        });
    }

    /**
     * The sentences of {@code text} as the OpenNLP models cut them, before {@link EnglishClitics} and the
     * casing (don't stays whole), with the refusals of {@link #sentences}.
     */
    static List<String[]> modelSentences(String text, String what) {
        List<String[]> sentences = new ArrayList<>();
        modelSentences(Tokenizer.lines(text), what, sentences::add);
        return sentences;
    }

    /** {@link #modelSentences(String, String)} of the text {@code lines} make, handed on paragraph by paragraph. */
    private static void modelSentences(Iterator<String> lines, String what, Consumer<String[]> sentences) {
        Paragraphs paragraphs = new Paragraphs(what, sentences);
        StringBuilder paragraph = new StringBuilder(); // the run of non-blank lines read so far, their '\n' included
        long paragraphLine = 0;                        // the line it starts on, counted from 1
        for (long line = 1; lines.hasNext(); line++) {
            String next = lines.next();
            if (!next.isBlank()) {
                if (paragraph.isEmpty()) {
                    paragraphLine = line;
                }
                paragraph.append(next);
            } else if (!paragraph.isEmpty()) {
                paragraphs.cut(paragraph.toString(), paragraphLine);
                paragraph.setLength(0);
            }
        }
        if (!paragraph.isEmpty()) {
            paragraphs.cut(paragraph.toString(), paragraphLine);
        }
        paragraphs.finish();
    }

    /** Cuts paragraphs into sentences of tokens with one detector and tokenizer, counting what the checks need. */
    private static final class Paragraphs {
        private final SentenceDetectorME detector = new SentenceDetectorME(EnglishModels.SENTENCES);
        private final TokenizerME tokenizer = new TokenizerME(EnglishModels.TOKENS);
        private final WordScripts scripts = new WordScripts();
        private final String what;
        private final Consumer<String[]> sentences;
        private long count;

        Paragraphs(String what, Consumer<String[]> sentences) {
            this.what = what;
            this.sentences = sentences;
        }

        /** Hands on the sentences of {@code paragraph}, whose first line is line {@code firstLine} of the text. */
        void cut(String paragraph, long firstLine) {
            for (Span sentence : detector.sentPosDetect(paragraph)) {
                String[] tokens = tokenizer.tokenize(sentence.getCoveredText(paragraph).toString());
                if (tokens.length > MAX_SENTENCE_TOKENS) {
                    throw noSentenceEnd(paragraph, firstLine, sentence.getStart(), tokens, what);
                }
                for (String token : tokens) {
                    scripts.count(token);
                }
                sentences.accept(tokens);
                count++;
            }
        }

        /** The checks that need the whole text. */
        void finish() {
            if (count == 0) {
                throw new InvalidInputException(what + " has no words, only whitespace; give some English text");
            }
            scripts.requireMostlyLatin(what);
        }
    }

    private static InvalidInputException noSentenceEnd(String paragraph, long firstLine, int offset, String[] tokens, String what) {
        String start = String.join(" ", Arrays.asList(tokens).subList(0, 8));
        return new InvalidInputException(String.format(Locale.ROOT,
                "%s has a sentence of %,d tokens at %s (\"%s …\"): no sentence end (. ! ?) in more than %,d tokens; "
                        + "add punctuation or blank lines between paragraphs, or, for text with one sentence per line, "
                        + "use whitespace mode", what, tokens.length, position(paragraph, firstLine, offset), start, MAX_SENTENCE_TOKENS));
    }

    /** "line L, column C" of a char offset into a paragraph that starts on line {@code firstLine}; columns in code points, from 1. */
    private static String position(String paragraph, long firstLine, int offset) {
        int lineStart = paragraph.lastIndexOf('\n', offset - 1) + 1;
        long line = firstLine + paragraph.chars().limit(lineStart).filter(c -> c == '\n').count();
        return "line " + line + ", column " + (paragraph.codePointCount(lineStart, offset) + 1);
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
