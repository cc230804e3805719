package org.rnn4j.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;

/**
 * English part-of-speech tags by Apache OpenNLP's UD English-EWT tagger model, which ships in the jar of
 * org.apache.opennlp:opennlp-models-pos-en 1.3.0 and loads once per process from the class path. The model
 * emits Universal Dependencies tags (UPOS: ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT
 * SCONJ SYM VERB X), not Penn Treebank tags, which OpenNLP could only guess from these (every verb VB,
 * every noun NN): "The cat sat on the mat." → DET NOUN VERB ADP DET NOUN PUNCT.
 *
 * <p>The model was trained on OpenNLP's own tokens, in which a contraction stays whole and gets the tags of
 * its two words joined by + (don't → AUX+PART); on the pieces that {@link EnglishClitics} splits off it
 * guesses wildly (ca n't → PROPN SYM). So each sentence is tagged as the OpenNLP models cut it, and a tag is
 * then given to each word of {@link OpenNlpTokenizer}: a split token's host gets the part before the first +
 * and its clitic the rest (do AUX, n't PART), or both the whole tag when it has no +. A token left whole keeps
 * its tag, + and all (gonna → VERB+PART). So a text gets exactly one tag per word of {@link TokenLevel#WORD}.
 *
 * <p>Thread-safe: the model is immutable and shared; each thread makes its own tagger once (OpenNLP's is not
 * thread-safe, and making one costs about a millisecond).
 */
public final class PartOfSpeechTagger {

    private static final String MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final ThreadLocal<POSTaggerME> TAGGERS = ThreadLocal.withInitial(() -> new POSTaggerME(Model.POS, POSTagFormat.UD));

    /**
     * The tags of {@code text}'s words, sentence after sentence, one per word of {@link OpenNlpTokenizer};
     * {@code what} names the text in the errors of {@link OpenNlpTokenizer#sentences}.
     */
    public List<String> tag(String text, String what) {
        POSTaggerME tagger = TAGGERS.get();
        List<String> tags = new ArrayList<>();
        List<String> pieces = new ArrayList<>(2);
        for (String[] tokens : OpenNlpTokenizer.modelSentences(text, what)) {
            String[] tokenTags = tagger.tag(tokens);
            for (int i = 0; i < tokens.length; i++) {
                pieces.clear();
                EnglishClitics.split(tokens[i], pieces);
                int plus = tokenTags[i].indexOf('+');
                if (pieces.size() == 1) {
                    tags.add(tokenTags[i]);
                } else if (plus < 0) {
                    tags.add(tokenTags[i]);
                    tags.add(tokenTags[i]);
                } else {
                    tags.add(tokenTags[i].substring(0, plus));
                    tags.add(tokenTags[i].substring(plus + 1));
                }
            }
        }
        return tags;
    }

    /** The tagger model, read on first use. */
    private static final class Model {
        static final POSModel POS = load();

        private static POSModel load() {
            try (InputStream in = PartOfSpeechTagger.class.getResourceAsStream("/" + MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("the OpenNLP model " + MODEL + " is not on the class path; "
                            + "rnn4j-nlp needs the opennlp-models-pos-en jar of the version its pom names");
                }
                return new POSModel(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the OpenNLP model " + MODEL, e);
            }
        }
    }
}
