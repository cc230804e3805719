package org.rnn4j.nlp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rnn4j.InvalidInputException;

/**
 * Text that is already tokenized, as in the Penn Treebank language-model corpus: each non-blank line is
 * one sentence and its tokens are the runs between whitespace, kept as written ({@code <unk>}, {@code N},
 * {@code 's}). Blank lines are skipped. A line may be arbitrarily long, so a corpus on one line (text8)
 * is one long sentence. Lower-casing also turns PTB's number token {@code N} into {@code n}.
 */
public final class WhitespaceTokenizer implements Tokenizer {

    private final Casing casing;

    public WhitespaceTokenizer(Casing casing) {
        this.casing = casing;
    }

    @Override
    public List<List<String>> sentences(String text, String what) {
        List<List<String>> sentences = new ArrayList<>();
        text.lines().forEach(line -> {
            String[] tokens = opennlp.tools.tokenize.WhitespaceTokenizer.INSTANCE.tokenize(line);
            if (tokens.length > 0) {
                sentences.add(Arrays.stream(tokens).map(casing::apply).toList());
            }
        });
        if (sentences.isEmpty()) {
            throw new InvalidInputException(what + " has no words, only whitespace; give a text with one sentence per line");
        }
        return sentences;
    }
}
