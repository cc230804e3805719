package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnglishCliticsTest {

    private static List<String> split(String token) {
        List<String> out = new ArrayList<>();
        EnglishClitics.split(token, out);
        return out;
    }

    @Test
    void splitsContractionsAndPossessives() {
        assertEquals(List.of("do", "n't"), split("don't"));
        assertEquals(List.of("ca", "n't"), split("can't"));
        assertEquals(List.of("DO", "N'T"), split("DON'T"));
        assertEquals(List.of("do", "n’t"), split("don’t"));
        assertEquals(List.of("John", "'s"), split("John's"));
        assertEquals(List.of("1990", "'s"), split("1990's"));
        assertEquals(List.of("O'Neill", "'s"), split("O'Neill's"));
        assertEquals(List.of("I", "'m"), split("I'm"));
        assertEquals(List.of("students", "'"), split("students'"));
        assertEquals(List.of("students", "’"), split("students’"));
    }

    @Test
    void leavesOtherTokensWhole() {
        for (String token : List.of("n't", "'s", "'", "s'", "O'Neill", "rock'n'roll", "'Tis", "is", "Mrs.", "'s'")) {
            assertEquals(List.of(token), split(token), token);
        }
    }

    @Test
    void recognisesCliticsInAnyCase() {
        for (String clitic : List.of("n't", "N'T", "'s", "'S", "’s", "'re", "'ve", "'ll", "'d", "'m")) {
            assertTrue(EnglishClitics.isClitic(clitic), clitic);
        }
        for (String token : List.of("'", "s", "nt", "don't", "'em")) {
            assertFalse(EnglishClitics.isClitic(token), token);
        }
    }
}
