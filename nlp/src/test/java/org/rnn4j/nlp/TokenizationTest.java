package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.rnn4j.io.Json;

class TokenizationTest {

    @Test
    void writesTheCheckpointForm() {
        assertEquals("{\"level\":\"word\",\"mode\":\"opennlp\",\"lowercase\":true}",
                Json.write(new Tokenization(TokenizerMode.OPENNLP, Casing.LOWERCASE).toJson()));
        assertEquals("{\"level\":\"word\",\"mode\":\"whitespace\",\"lowercase\":false}",
                Json.write(new Tokenization(TokenizerMode.WHITESPACE, Casing.AS_WRITTEN).toJson()));
    }

    @Test
    void readsWhatItWrites() {
        for (TokenizerMode mode : TokenizerMode.values()) {
            for (Casing casing : Casing.values()) {
                Tokenization tokenization = new Tokenization(mode, casing);
                assertEquals(tokenization, Tokenization.fromJson(Json.parseObject(Json.write(tokenization.toJson()))));
            }
        }
    }

    @Test
    void refusesOtherForms() {
        assertEquals("tokenizer \"level\" is \"char\", not \"word\"", assertThrows(IllegalArgumentException.class,
                () -> Tokenization.fromJson(Json.parseObject("{\"level\":\"char\"}"))).getMessage());
        assertEquals("tokenizer \"mode\" is \"spacy\", not \"opennlp\" or \"whitespace\"", assertThrows(IllegalArgumentException.class,
                () -> Tokenization.fromJson(Json.parseObject("{\"level\":\"word\",\"mode\":\"spacy\",\"lowercase\":true}"))).getMessage());
        assertEquals("tokenizer \"lowercase\" is missing or not true/false", assertThrows(IllegalArgumentException.class,
                () -> Tokenization.fromJson(Json.parseObject("{\"level\":\"word\",\"mode\":\"opennlp\"}"))).getMessage());
    }

    @Test
    void makesTheTokenizerOfItsMode() {
        assertInstanceOf(OpenNlpTokenizer.class, new Tokenization(TokenizerMode.OPENNLP, Casing.AS_WRITTEN).tokenizer());
        assertInstanceOf(WhitespaceTokenizer.class, new Tokenization(TokenizerMode.WHITESPACE, Casing.LOWERCASE).tokenizer());
    }
}
