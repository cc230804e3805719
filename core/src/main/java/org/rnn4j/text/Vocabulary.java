package org.rnn4j.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.rnn4j.InvalidInputException;

/**
 * The tokens a model knows, each with an id. For character models a token is one Unicode code point
 * (never half a surrogate pair), and ids follow code-point order. For word models the ids 0, 1 and 2 are
 * {@link #UNKNOWN}, {@link #SENTENCE_START} and {@link #SENTENCE_END}, then the words from the most
 * frequent down.
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
        BitSet codePoints = new BitSet();
        text.codePoints().forEach(codePoints::set);
        return ofCodePoints(codePoints);
    }

    /** Every distinct code point of {@code texts}, in code-point order: one pass that decodes each, never whole. */
    public static Vocabulary ofCodePoints(TextSource... texts) {
        BitSet codePoints = new BitSet();
        for (TextSource text : texts) {
            try (TextSource.Reader reader = text.reader()) {
                for (int codePoint; (codePoint = reader.next()) != TextSource.Reader.END; ) {
                    codePoints.set(codePoint);
                }
            }
        }
        return ofCodePoints(codePoints);
    }

    private static Vocabulary ofCodePoints(BitSet codePoints) {
        List<String> tokens = new ArrayList<>(codePoints.cardinality());
        codePoints.stream().forEach(codePoint -> tokens.add(Character.toString(codePoint)));
        return new Vocabulary(tokens);
    }

    /**
     * The specials and the {@code maxWords} most frequent words of {@code sentences} (ties in order of first
     * appearance). A word spelled like a special token counts as that token: a corpus's own {@code <unk>}
     * stands for the unknown words it already replaced.
     */
    public static Vocabulary ofWords(List<List<String>> sentences, int maxWords) {
        Map<String, Integer> index = new HashMap<>();
        List<String> words = new ArrayList<>();
        long[] counts = new long[16];
        for (List<String> sentence : sentences) {
            for (String word : sentence) {
                if (!isSpecial(word)) {
                    int i = index.computeIfAbsent(word, w -> {
                        words.add(w);
                        return words.size() - 1;
                    });
                    if (i == counts.length) {
                        counts = Arrays.copyOf(counts, 2 * i);
                    }
                    counts[i]++;
                }
            }
        }
        return ofWordCounts(words, counts, maxWords);
    }

    /**
     * The specials and the {@code maxWords} words of {@code words} (in order of first appearance, no special
     * among them) with the highest {@code counts} (same index; ties in order of first appearance, a count
     * of 0 never).
     */
    public static Vocabulary ofWordCounts(List<String> words, long[] counts, int maxWords) {
        if (maxWords <= 0) {
            throw new InvalidInputException("the vocabulary size must be positive, got " + maxWords);
        }
        Integer[] byCount = new Integer[words.size()];
        Arrays.setAll(byCount, i -> i);
        Arrays.sort(byCount, Comparator.comparingLong((Integer i) -> counts[i]).reversed()); // stable: ties keep their order
        List<String> tokens = new ArrayList<>(List.of(UNKNOWN, SENTENCE_START, SENTENCE_END));
        for (int i = 0; i < byCount.length && tokens.size() - 3 < maxWords && counts[byCount[i]] > 0; i++) {
            tokens.add(words.get(byCount[i]));
        }
        return new Vocabulary(tokens);
    }

    /** True for the three special tokens of word models. */
    public static boolean isSpecial(String token) {
        return token.equals(UNKNOWN) || token.equals(SENTENCE_START) || token.equals(SENTENCE_END);
    }

    /** True for a word model's vocabulary (it starts with the special tokens). */
    public boolean words() {
        return tokens.size() >= 3 && tokens.get(0).equals(UNKNOWN) && tokens.get(1).equals(SENTENCE_START)
                && tokens.get(2).equals(SENTENCE_END);
    }

    /** The id of {@code token}, or −1 when the vocabulary lacks it. */
    public int id(String token) {
        return ids.getOrDefault(token, -1);
    }

    /** The id of {@code word}, or that of {@link #UNKNOWN} when the vocabulary lacks it. */
    public int wordId(String word) {
        return ids.getOrDefault(word, ids.get(UNKNOWN));
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
            throw unknownCharacters(what, unknown);
        }
        return encoded;
    }

    /** The error for a text with characters outside the vocabulary ({@link #describe}d, in order). */
    static InvalidInputException unknownCharacters(String what, TreeSet<String> unknown) {
        return new InvalidInputException(what + " has " + unknown.size() + " character(s) the model never saw in training: "
                + String.join(", ", unknown.stream().limit(10).toList()) + (unknown.size() > 10 ? ", …" : "")
                + "; remove them or train on a corpus that has them");
    }

    /**
     * Character models: the id of every code point up to the largest in the vocabulary, −1 for those it
     * lacks: what {@link #encodeCodePoints} looks up, as a table.
     */
    public int[] codePointIds() {
        int largest = 0;
        for (String token : tokens) {
            largest = Math.max(largest, token.codePointAt(0));
        }
        int[] table = new int[largest + 1];
        Arrays.fill(table, -1);
        for (int id = 0; id < tokens.size(); id++) {
            table[tokens.get(id).codePointAt(0)] = id;
        }
        return table;
    }

    /** A character as the user can read it: 'x' (U+0078). */
    public static String describe(int codePoint) {
        String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? "" : "'" + Character.toString(codePoint) + "' ";
        return shown + String.format("(U+%04X)", codePoint);
    }
}
