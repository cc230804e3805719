package org.rnn4j.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rnn4j.InvalidInputException;

/**
 * The tokens a model knows, each with an id. For character models a token is one Unicode code point
 * (never half a surrogate pair), and ids follow code-point order.
 */
public final class Vocabulary {

    /** Word models: stands for every word outside the vocabulary. */
    public static final String UNKNOWN = "<unk>";
    /** Word models: the token before a sentence's first word. */
    public static final String SENTENCE_START = "<s>";
    /** Word models: the token after a sentence's last word. */
    public static final String SENTENCE_END = "</s>";

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    public Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (ids.put(this.tokens.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate token " + this.tokens.get(i));
            }
        }
    }

    /** Every distinct code point of {@code text}, in code-point order. */
    public static Vocabulary ofCodePoints(String text) {
        TreeSet<Integer> codePoints = new TreeSet<>();
        text.codePoints().forEach(codePoints::add);
        List<String> tokens = new ArrayList<>(codePoints.size());
        for (int codePoint : codePoints) {
            tokens.add(Character.toString(codePoint));
        }
        return new Vocabulary(tokens);
    }

    public int size() {
        return tokens.size();
    }

    public List<String> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    public String token(int id) {
        return tokens.get(id);
    }

    public boolean contains(String token) {
        return ids.containsKey(token);
    }

    /**
     * The code points of {@code text} as ids; throws listing the characters the vocabulary lacks.
     * {@code what} names the text in that message ("the prime text").
     */
    public int[] encodeCodePoints(String text, String what) {
        int[] codePoints = text.codePoints().toArray();
        int[] encoded = new int[codePoints.length];
        TreeSet<String> unknown = new TreeSet<>();
        for (int i = 0; i < codePoints.length; i++) {
            Integer id = ids.get(Character.toString(codePoints[i]));
            if (id == null) {
                unknown.add(describe(codePoints[i]));
            } else {
                encoded[i] = id;
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(what + " has " + unknown.size() + " character(s) the model never saw in training: "
                    + String.join(", ", unknown.stream().limit(10).toList()) + (unknown.size() > 10 ? ", …" : "")
                    + "; remove them or train on a corpus that has them");
        }
        return encoded;
    }

    /** A character as the user can read it: 'x' (U+0078). */
    public static String describe(int codePoint) {
        String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? "" : "'" + Character.toString(codePoint) + "' ";
        return shown + String.format("(U+%04X)", codePoint);
    }
}
