package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetokenizerTest {

    @Test
    void attachesPunctuation() {
        assertEquals("he left!", Detokenizer.detokenize(List.of("he", "left", "!")));
        assertEquals("", Detokenizer.detokenize(List.of()));
    }

    @Test
    void undoesTheTokenizerOnTypicalSentences() {
        Tokenizer tokenizer = new OpenNlpTokenizer(Casing.AS_WRITTEN);
        for (String sentence : List.of("he left!", "I don't know, and John's car isn't here.", "\"Hello,\" she said.",
                "(He wasn't there.)", "It cost $5.50, 10% more...", "It's a well-known fact -- really.",
                "We'll go; they'd gone: you're right, I'm sure.", "We can't; they won't.", "The students' books are 'lost', he said.",
                "Is it #1 [or not]?", "“Curly” quotes too.")) {
            List<List<String>> tokens = tokenizer.sentences(sentence, "the sentence");
            assertEquals(1, tokens.size(), () -> sentence + " → " + tokens);
            assertEquals(sentence, Detokenizer.detokenize(tokens.getFirst()), () -> tokens.toString());
        }
    }

    @Test
    void readsPennTreebankEscapesInAnyCase() {
        assertEquals("\"hello\" (sic) [x] {y}", Detokenizer.detokenize(
                List.of("``", "hello", "''", "-LRB-", "sic", "-RRB-", "-LSB-", "x", "-RSB-", "-lcb-", "y", "-rcb-")));
    }

    @Test
    void tellsQuotesFromApostrophes() {
        assertEquals("he said 'go' to the students' house and \"stay\" there",
                Detokenizer.detokenize(List.of("he", "said", "'", "go", "'", "to", "the", "students", "'", "house",
                        "and", "\"", "stay", "\"", "there")));
    }

    @Test
    void leavesLetterCaseAndPlaceholdersAlone() {
        assertEquals("mr. <unk> is n years old and can't go", Detokenizer.detokenize(
                List.of("mr.", "<unk>", "is", "n", "years", "old", "and", "ca", "n't", "go")));
        assertEquals("the <unk> company said N shares rose N%",
                Detokenizer.detokenize(List.of("the", "<unk>", "company", "said", "N", "shares", "rose", "N", "%")));
    }
}
