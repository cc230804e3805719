package org.rnn4j.nlp;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.rnn4j.InvalidInputException;

/**
 * Text that is already tokenized, as in the Penn Treebank language-model corpus: each non-blank line is
 * one sentence and its tokens are the runs between whitespace, kept as written ({@code <unk>}, {@code N},
 * {@code 's}). Lines end at {@code \n}, {@code \r} or {@code \r\n}, and blank lines are skipped. A line may
 * be arbitrarily long, so a corpus on one line (text8) is one long sentence. Lower-casing also turns PTB's
 * number token {@code N} into {@code n}.
 */
public final class WhitespaceTokenizer implements Tokenizer {

    private final Casing casing;

    public WhitespaceTokenizer(Casing casing) {
        this.casing = casing;
    }

    @Override
    public void sentences(Iterator<String> lines, String what, Consumer<List<String>> sentences) {
        boolean any = false;
        while (lines.hasNext()) {
            for (String line : lines.next().lines().toList()) { // a \r inside a \n-ended line ends a line too
                String[] tokens = opennlp.tools.tokenize.WhitespaceTokenizer.INSTANCE.tokenize(line);
                if (tokens.length > 0) {
                    sentences.accept(Arrays.stream(tokens).map(casing::apply).toList());
                    any = true;
                }
            }
        }
        if (!any) {
            throw new InvalidInputException(what + " has no words, only whitespace; give a text with one sentence per line");
        }
    }
}
