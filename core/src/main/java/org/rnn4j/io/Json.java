package org.rnn4j.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;

/**
 * A strict JSON (RFC 8259) reader and compact writer for configuration and file headers.
 *
 * <p>Values map to Java as: object → {@link LinkedHashMap} (key order kept, duplicate keys rejected),
 * array → {@link List}, string → {@link String}, number → {@link Long} when written without fraction
 * or exponent and within range, else {@link Double}, {@code true}/{@code false} → {@link Boolean},
 * {@code null} → {@code null}. The writer also accepts other {@link Number}s, {@code int[]},
 * {@code long[]} and {@code float[]}; it rejects non-finite numbers and lone surrogates.
 */
public final class Json {

    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value that spans all of {@code text} apart from surrounding whitespace. */
    public static Object parse(String text) {
        Json parser = new Json(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected " + parser.describe() + " after the end of the value");
        }
        return value;
    }

    /** Parses a JSON text whose top-level value must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        if (!(parse(text) instanceof Map<?, ?> map)) {
            throw new InvalidInputException("invalid JSON: the top-level value must be an object");
        }
        return (Map<String, Object>) map;
    }

    /** Compact JSON text of {@code value}, with non-ASCII characters written as themselves. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        writeValue(value, out);
        return out.toString();
    }

    // ---- reader ----

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        if (pos >= text.length()) {
            throw error("unexpected end of input, expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + describe() + ", expected a value");
            }
        };
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // '{'
        skipWhitespace();
        if (tryConsume('}')) {
            return map;
        }
        do {
            skipWhitespace();
            if (pos >= text.length() || text.charAt(pos) != '"') {
                throw error("expected a string key, found " + describe());
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value(depth + 1);
            if (map.containsKey(key)) {
                pos = keyStart;
                throw error("duplicate key " + write(key));
            }
            map.put(key, value);
            skipWhitespace();
        } while (separator('}'));
        return map;
    }

    private List<Object> array(int depth) {
        List<Object> list = new ArrayList<>();
        pos++; // '['
        skipWhitespace();
        if (tryConsume(']')) {
            return list;
        }
        do {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
        } while (separator(']'));
        return list;
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("raw control character U+%04X in a string; write it as an escape".formatted((int) c));
            }
            if (Character.isSurrogate(c)) {
                surrogatePair(c, false, out);
            } else if (c == '\\') {
                escape(out);
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void escape(StringBuilder out) {
        if (pos + 1 >= text.length()) {
            throw error("unterminated escape");
        }
        char c = text.charAt(pos + 1);
        switch (c) {
            case '"', '\\', '/' -> out.append(c);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> {
                char unit = hex4(pos + 2);
                if (Character.isSurrogate(unit)) {
                    surrogatePair(unit, true, out);
                    return;
                }
                out.append(unit);
                pos += 6;
                return;
            }
            default -> throw error("invalid escape \\" + (c < 0x20 || c > 0x7e ? "followed by " + shown(c) : c));
        }
        pos += 2;
    }

    /** Appends a high surrogate at {@code pos} (raw or \\u-escaped) and the low one that must follow it. */
    private void surrogatePair(char high, boolean escaped, StringBuilder out) {
        int next = pos + (escaped ? 6 : 1);
        char low;
        int end;
        if (escaped && text.startsWith("\\u", next)) {
            low = hex4(next + 2);
            end = next + 6;
        } else if (!escaped && next < text.length()) {
            low = text.charAt(next);
            end = next + 1;
        } else {
            low = 0;
            end = next;
        }
        if (!Character.isHighSurrogate(high) || !Character.isLowSurrogate(low)) {
            throw error("lone surrogate U+%04X; characters outside the BMP need a high-low pair".formatted((int) high));
        }
        out.append(high).append(low);
        pos = end;
    }

    private char hex4(int at) {
        if (at + 4 > text.length()) {
            throw error("\\u needs four hex digits");
        }
        int unit = 0;
        for (int i = at; i < at + 4; i++) {
            char c = text.charAt(i);
            int digit = c <= 'f' ? Character.digit(c, 16) : -1; // ASCII hex digits only
            if (digit < 0) {
                throw error("\\u needs four hex digits");
            }
            unit = unit * 16 + digit;
        }
        return (char) unit;
    }

    private Object number() {
        int start = pos;
        tryConsume('-');
        if (!tryConsume('0')) {
            digits("a digit");
        }
        boolean integral = true;
        if (tryConsume('.')) {
            digits("a digit after '.'");
            integral = false;
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (!tryConsume('+')) {
                tryConsume('-');
            }
            digits("a digit in the exponent");
            integral = false;
        }
        String literal = text.substring(start, pos);
        if (integral) {
            try {
                return Long.parseLong(literal);
            } catch (NumberFormatException tooLarge) {
                // beyond a long: read as a double below
            }
        }
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            pos = start;
            throw error("a number beyond the range of a double (about 1.8e308)");
        }
        return value;
    }

    private void digits(String what) {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected " + what + ", found " + describe());
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + describe() + ", expected a value");
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private boolean tryConsume(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member: true for ',' (another follows), false for {@code close} (the container ends). */
    private boolean separator(char close) {
        if (tryConsume(',')) {
            return true;
        }
        if (tryConsume(close)) {
            return false;
        }
        throw error("expected ',' or '" + close + "', found " + describe());
    }

    private void expect(char c) {
        if (!tryConsume(c)) {
            throw error("expected '" + c + "', found " + describe());
        }
    }

    private String describe() {
        if (pos >= text.length()) {
            return "end of input";
        }
        return shown(text.charAt(pos));
    }

    /** A character as a message can show it on one line. */
    private static String shown(char c) {
        return c < 0x20 || c > 0x7e ? "character U+%04X".formatted((int) c) : "'" + c + "'";
    }

    private InvalidInputException error(String message) {
        return new InvalidInputException("invalid JSON at offset " + pos + ": " + message);
    }

    // ---- writer ----

    private static void writeValue(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String s -> writeString(s, out);
            case Boolean b -> out.append(b);
            case Double d when !Double.isFinite(d) -> throw nonFinite(d);
            case Float f when !Float.isFinite(f) -> throw nonFinite(f);
            case Number n -> out.append(n);
            case Map<?, ?> map -> {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw new IllegalArgumentException("JSON object keys must be strings, got " + entry.getKey());
                    }
                    out.append(separator);
                    writeString(key, out);
                    out.append(':');
                    writeValue(entry.getValue(), out);
                    separator = ",";
                }
                out.append('}');
            }
            case Iterable<?> list -> {
                out.append('[');
                String separator = "";
                for (Object element : list) {
                    out.append(separator);
                    writeValue(element, out);
                    separator = ",";
                }
                out.append(']');
            }
            case int[] a -> writeValue(Arrays.stream(a).boxed().toList(), out);
            case long[] a -> writeValue(Arrays.stream(a).boxed().toList(), out);
            case float[] a -> {
                List<Float> boxed = new ArrayList<>(a.length);
                for (float f : a) {
                    boxed.add(f);
                }
                writeValue(boxed, out);
            }
            default -> throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static IllegalArgumentException nonFinite(Number number) {
        return new IllegalArgumentException("JSON has no representation for " + number);
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate U+%04X at index %d cannot be written as UTF-8".formatted((int) c, i));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
