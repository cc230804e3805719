package org.rnn4j.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.InvalidInputException;

class JsonTest {

    @Test
    void nestedValuesRoundTripInOrder() {
        String text = "{\"z\":1,\"a\":[true,false,null,\"x\",[],{}],\"m\":{\"k\":-2.5,\"e\":1.0E-5}}";
        Map<String, Object> parsed = Json.parseObject(text);
        assertEquals(List.of("z", "a", "m"), List.copyOf(parsed.keySet()));
        assertEquals(1L, parsed.get("z"));
        assertEquals(Arrays.asList(true, false, null, "x", List.of(), Map.of()), parsed.get("a"));
        assertEquals(Map.of("k", -2.5, "e", 1e-5), parsed.get("m"));
        assertEquals(text, Json.write(parsed));
    }

    @Test
    void whitespaceIsAllowedAroundTokens() {
        assertEquals(Map.of("a", List.of(1L, 2L)), Json.parse(" \t\r\n{ \"a\" : [ 1 , 2 ] }\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"héllo", "日本語の文字", "😀👍🏽", "e\u0301 a\u0308 🇫🇷", "\u0000\u001f\u007f", "tab\there\nnew \"quote\" back\\slash /"})
    void unicodeAndEscapesRoundTripExactly(String s) {
        assertEquals(s, Json.parse(Json.write(s)));
        assertEquals(Map.of(s, s), Json.parse(Json.write(Map.of(s, s))));
    }

    @Test
    void escapesAreDecoded() {
        assertEquals("\"\\/\b\f\n\r\t", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("é中", Json.parse("\"\\u00e9\\u4E2D\""));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
    }

    @Test
    void writerEscapesControlCharactersAndKeepsNonAsciiRaw() {
        assertEquals("\"a\\n\\u0001é😀\"", Json.write("a\n\u0001é😀"));
    }

    @Test
    void numbersParseToLongOrDouble() {
        assertInstanceOf(Long.class, Json.parse("0"));
        assertEquals(-42L, Json.parse("-42"));
        assertEquals(9007199254740993L, Json.parse("9007199254740993"));
        assertEquals(1.5, Json.parse("1.5"));
        assertEquals(-1.0e10, Json.parse("-1E+10"));
        assertEquals(2.0, Json.parse("2e0"));
        assertEquals(1e19, Json.parse("10000000000000000000"));
        assertNull(Json.parse("null"));
    }

    @Test
    void writerNumbersAndArrays() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("i", 3);
        map.put("f", 0.1f);
        map.put("shape", new int[] {2, 3});
        map.put("offsets", new long[] {0, 24});
        map.put("values", new float[] {1f, -0.5f});
        assertEquals("{\"i\":3,\"f\":0.1,\"shape\":[2,3],\"offsets\":[0,24],\"values\":[1.0,-0.5]}", Json.write(map));
        assertEquals(0.1f, ((Double) Json.parseObject(Json.write(map)).get("f")).floatValue());
    }

    @Test
    void writerRejectsWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Json.write("\ud83d"));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"a\":1} x          | 8  | after the end of the value",
            "{\"a\":1,}           | 7  | expected a string key",
            "{\"a\" 1}            | 5  | expected ':'",
            "[1,2                 | 4  | expected ',' or ']', found end of input",
            "[01]                 | 2  | expected ',' or ']', found '1'",
            "{\"a\":1 \"b\":2}    | 7  | expected ',' or '}', found '\"'",
            "-                    | 1  | expected a digit",
            "1.                   | 2  | expected a digit after '.'",
            "1e                   | 2  | expected a digit in the exponent",
            "tru                  | 0  | expected a value",
            "\"abc                | 4  | unterminated string",
            "\"a\\x\"             | 2  | invalid escape \\x",
            "\"\\u12g4\"          | 1  | four hex digits",
            "\"\\ud83d\"          | 1  | lone surrogate U+D83D",
            "\"\\ude00\\ud83d\"   | 1  | lone surrogate U+DE00",
            "{\"a\":1,\"a\":2}    | 7  | duplicate key \"a\"",
            "''                   | 0  | expected a value",
            "NaN                  | 0  | expected a value",
            "[1e309]              | 1  | beyond the range of a double",
            "-1234567890123456789012345678901234567890e300 | 0 | beyond the range of a double",
    })
    void errorsNameTheOffset(String text, int offset, String problem) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Json.parse(text));
        assertTrue(e.getMessage().startsWith("invalid JSON at offset " + offset + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\\\n\"", "{\"a\\nb\":1,\"a\\nb\":2}"})
    void errorsAreOneLineWhateverTheTextHolds(String text) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Json.parse(text));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void rawControlCharacterAndEmptyInputAreRejected() {
        assertThrows(InvalidInputException.class, () -> Json.parse("\"a\nb\""));
        assertThrows(InvalidInputException.class, () -> Json.parse(""));
        assertThrows(InvalidInputException.class, () -> Json.parseObject("[1]"));
    }

    @Test
    void deepNestingIsRejectedWithoutStackOverflow() {
        String deep = "[".repeat(100_000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
    }
}
