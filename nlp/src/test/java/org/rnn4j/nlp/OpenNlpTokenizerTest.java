package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;

/** What the bundled UD English-EWT models and the clitic rules really make of typical English. */
class OpenNlpTokenizerTest {

    private final Tokenizer tokenizer = new OpenNlpTokenizer(Casing.AS_WRITTEN);

    private List<List<String>> sentences(String text) {
        return tokenizer.sentences(text, "the text");
    }

    @Test
    void punctuationBecomesTokens() {
        assertEquals(List.of(List.of("he", "left", "!")), sentences("he left!"));
        assertEquals(List.of(List.of("\"", "Hello", ",", "\"", "she", "said", ".")), sentences("\"Hello,\" she said."));
        assertEquals(List.of(List.of("It", "cost", "$", "5.50", ",", "10", "%", "more", "...")), sentences("It cost $5.50, 10% more..."));
    }

    @Test
    void contractionsAndPossessivesSplitAsInThePennTreebank() {
        assertEquals(List.of(List.of("I", "do", "n't", "know", "."), List.of("John", "'s", "car", "is", "n't", "here", ".")),
                sentences("I don't know. John's car isn't here."));
        assertEquals(List.of(List.of("We", "ca", "n't", ";", "they", "wo", "n't", "."), List.of("The", "students", "'", "books", ".")),
                sentences("We can't; they won't. The students' books."));
        assertEquals(List.of(List.of("We", "'ll", "go", ";", "you", "'re", "right", ",", "I", "'m", "sure", "they", "'d", "have", "."),
                List.of("I", "'ve", "seen", "it", ".")), sentences("We'll go; you're right, I'm sure they'd have. I've seen it."));
    }

    @Test
    void splitsAParagraphIntoSentences() {
        List<List<String>> sentences = sentences("Mr. Smith went to Washington. He arrived on Monday! Did he stay? Yes.");
        assertEquals(List.of(List.of("Mr.", "Smith", "went", "to", "Washington", "."), List.of("He", "arrived", "on", "Monday", "!"),
                List.of("Did", "he", "stay", "?"), List.of("Yes", ".")), sentences);
    }

    @Test
    void noSentenceCrossesABlankLine() {
        List<List<String>> sentences = sentences("Genesis 1\n\n1 In the beginning God created the heaven and the earth.\n \t\nAll\n");
        assertEquals(List.of("Genesis", "1"), sentences.get(0));
        assertEquals(List.of("1", "In", "the", "beginning"), sentences.get(1).subList(0, 4));
        assertEquals(List.of("All"), sentences.get(2));
        assertEquals(3, sentences.size());
    }

    @Test
    void lowercasesAfterTokenizing() {
        Tokenizer lower = new OpenNlpTokenizer(Casing.LOWERCASE);
        assertEquals(List.of(List.of("he", "do", "n't", "know", "."), List.of("john", "left", "!")),
                lower.sentences("He DON'T know. John left!", "the text"));
    }

    @Test
    void latinScriptLanguagesOtherThanEnglishPass() {
        assertEquals(List.of("Où", "est", "la", "gare", "?"), sentences("Où est la gare? Je ne sais pas.").get(0));
    }

    @Test
    void emptyTextIsRefused() {
        for (String text : List.of("", " \n\n\t \n")) {
            var e = assertThrows(InvalidInputException.class, () -> tokenizer.sentences(text, "the corpus"));
            assertEquals("the corpus has no words, only whitespace; give some English text", e.getMessage());
        }
    }

    @Test
    void textWithoutSentenceEndsIsRefusedWithItsPosition() {
        String endless = "the cat sat on the mat ".repeat(200);
        var e = assertThrows(InvalidInputException.class, () -> sentences("A short sentence.\n  " + endless));
        assertEquals("the text has a sentence of 1,200 tokens at line 2, column 3 (\"the cat sat on the mat the cat …\"): "
                + "no sentence end (. ! ?) in more than 1,000 tokens; add punctuation or blank lines between paragraphs, "
                + "or, for text with one sentence per line, use whitespace mode", e.getMessage());
    }

    @Test
    void textInAnotherScriptIsRefused() {
        var russian = assertThrows(InvalidInputException.class, () -> sentences("Привет, как дела? Это тест. Hello."));
        assertEquals("the text does not look like English: only 1 of its 6 words are written in Latin letters, and the OpenNLP "
                + "models cut English; tokenize the text yourself (one sentence per line, tokens between spaces) and use "
                + "whitespace mode", russian.getMessage());
        var chinese = assertThrows(InvalidInputException.class, () -> sentences("这是一个测试。我们走吧。"));
        assertTrue(chinese.getMessage().startsWith("the text does not look like English: only 0 of its 1 words"), chinese.getMessage());
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        String text = "It's a well-known fact. We'll go; they'd gone: you're right, I'm sure. ".repeat(50);
        List<List<String>> expected = sentences(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<String>>>> results = IntStream.range(0, 8)
                    .mapToObj(i -> pool.submit(() -> tokenizer.sentences(text, "the text"))).toList();
            for (Future<List<List<String>>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
