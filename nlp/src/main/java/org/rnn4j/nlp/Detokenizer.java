package org.rnn4j.nlp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Joins word tokens into readable English text, undoing what the tokenizers do: "he left !" → "he left!".
 * Tokens are separated by one space, except:
 * <ul>
 * <li>no space before closing punctuation (a token of only . , ! ? ; : …), % and closing brackets;
 * <li>no space before a clitic (n't, 's, 're, 've, 'll, 'd, 'm), so "ca n't" → "can't";
 * <li>no space after opening brackets, $ and #;
 * <li>none on either side of a lone hyphen, so "well - known" → "well-known"; other dashes keep spaces;
 * <li>quotes: `` “ ‘ open and '' ” ’ close; a straight " alternates between opening and closing; a lone '
 *     closes an open single quote, else after a word ending in s is a possessive (students '), else opens;
 * <li>Penn Treebank escapes become what they stand for: -LRB- -RRB- ( ), -LSB- -RSB- [ ], -LCB- -RCB-
 *     { }, `` and '' both ", in any letter case.
 * </ul>
 * Letter case is left as it is.
 */
public final class Detokenizer {

    private static final Map<String, String> ESCAPES = Map.of("-lrb-", "(", "-rrb-", ")", "-lsb-", "[", "-rsb-", "]",
            "-lcb-", "{", "-rcb-", "}", "``", "\"", "''", "\"");

    /** How a token sits against its neighbours. */
    private enum Attachment {
        SPACED, TO_PREVIOUS, TO_NEXT, TO_BOTH
    }

    private Detokenizer() {
    }

    public static String detokenize(List<String> tokens) {
        StringBuilder text = new StringBuilder();
        boolean spaceAfterPrevious = false;
        boolean doubleQuoteOpen = false;
        boolean singleQuoteOpen = false;
        String previous = "";
        for (String token : tokens) {
            String key = token.toLowerCase(Locale.ROOT);
            Attachment attachment;
            switch (key) {
                case "\"" -> {
                    attachment = doubleQuoteOpen ? Attachment.TO_PREVIOUS : Attachment.TO_NEXT;
                    doubleQuoteOpen = !doubleQuoteOpen;
                }
                case "'" -> {
                    if (singleQuoteOpen) {
                        attachment = Attachment.TO_PREVIOUS;
                        singleQuoteOpen = false;
                    } else if (previous.endsWith("s") || previous.endsWith("S")) {
                        attachment = Attachment.TO_PREVIOUS;
                    } else {
                        attachment = Attachment.TO_NEXT;
                        singleQuoteOpen = true;
                    }
                }
                default -> attachment = attachment(key);
            }
            if (spaceAfterPrevious && attachment != Attachment.TO_PREVIOUS && attachment != Attachment.TO_BOTH) {
                text.append(' ');
            }
            text.append(ESCAPES.getOrDefault(key, token));
            spaceAfterPrevious = attachment != Attachment.TO_NEXT && attachment != Attachment.TO_BOTH;
            previous = token;
        }
        return text.toString();
    }

    private static Attachment attachment(String key) {
        return switch (key) {
            case "%", ")", "]", "}", "-rrb-", "-rsb-", "-rcb-", "''", "”", "’" -> Attachment.TO_PREVIOUS;
            case "(", "[", "{", "-lrb-", "-lsb-", "-lcb-", "``", "“", "‘", "$", "#" -> Attachment.TO_NEXT;
            case "-" -> Attachment.TO_BOTH;
            default -> closingPunctuation(key) || EnglishClitics.isClitic(key) ? Attachment.TO_PREVIOUS : Attachment.SPACED;
        };
    }

    private static boolean closingPunctuation(String token) {
        return token.chars().allMatch(c -> ".,!?;:…".indexOf(c) >= 0);
    }
}
