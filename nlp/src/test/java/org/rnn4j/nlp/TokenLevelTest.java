package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three token levels on one sample, and their ids. */
class TokenLevelTest {

    private static final String SAMPLE = "Quoth the Raven, “Nevermore.”";

    @Test
    void charactersAreCodePoints() {
        assertEquals(List.of("a", "😀", " ", "é"), TokenLevel.CHAR.tokens("a😀 é"));
        assertEquals(SAMPLE.codePointCount(0, SAMPLE.length()), TokenLevel.CHAR.tokens(SAMPLE).size());
    }

    @Test
    void wordsAreOpenNlpTokensAsWritten() {
        assertEquals(List.of("Quoth", "the", "Raven", ",", "“", "Nevermore", ".", "”"), TokenLevel.WORD.tokens(SAMPLE));
        assertEquals(List.of("I", "do", "n't", ".", "You", "do", "."), TokenLevel.WORD.tokens("I don't. You do."));
    }

    @Test
    void posGivesOneTagPerWord() {
        List<String> tags = TokenLevel.POS.tokens(SAMPLE);
        assertEquals(TokenLevel.WORD.tokens(SAMPLE).size(), tags.size());
        assertEquals(List.of("DET", "PROPN", "PUNCT"), tags.subList(1, 4));
    }

    @Test
    void idsNameTheLevels() {
        for (TokenLevel level : TokenLevel.values()) {
            assertEquals(level, TokenLevel.fromId(level.id()));
        }
        assertEquals("unknown token level 'words': choose one of char, word, pos",
                assertThrows(IllegalArgumentException.class, () -> TokenLevel.fromId("words")).getMessage());
    }
}
