package org.rnn4j.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * English contractions and possessives split the Penn Treebank way, which OpenNLP's UD English-EWT
 * tokenizer model leaves whole: don't → do n't, can't → ca n't, John's → John 's, we'll → we 'll,
 * I'm → I 'm, students' → students '. Either apostrophe, ' or ’, is recognised and kept as written.
 */
final class EnglishClitics {

    /** Lower case with the ASCII apostrophe; "n't" takes the n from its host, as in do|n't. */
    private static final List<String> CLITICS = List.of("n't", "'s", "'re", "'ve", "'ll", "'d", "'m");
    private static final Set<String> CLITIC_SET = Set.copyOf(CLITICS);

    private EnglishClitics() {
    }

    /**
     * Adds {@code token} to {@code out}: split into host and clitic when it ends with a clitic after a
     * letter or digit, or with a possessive s' after a letter; whole otherwise.
     */
    static void split(String token, List<String> out) {
        String plain = token.replace('’', '\'');
        for (String clitic : CLITICS) {
            int cut = token.length() - clitic.length();
            if (cut > 0 && plain.regionMatches(true, cut, clitic, 0, clitic.length())
                    && Character.isLetterOrDigit(token.charAt(cut - 1))) {
                out.add(token.substring(0, cut));
                out.add(token.substring(cut));
                return;
            }
        }
        int apostrophe = token.length() - 1;
        if (apostrophe >= 2 && plain.regionMatches(true, apostrophe - 1, "s'", 0, 2)
                && Character.isLetter(token.charAt(apostrophe - 2))) {
            out.add(token.substring(0, apostrophe));
            out.add(token.substring(apostrophe));
            return;
        }
        out.add(token);
    }

    /** True for a clitic that attaches to the word before it: n't, 's, 're, 've, 'll, 'd or 'm, in any case, either apostrophe. */
    static boolean isClitic(String token) {
        return CLITIC_SET.contains(token.replace('’', '\'').toLowerCase(Locale.ROOT));
    }
}
