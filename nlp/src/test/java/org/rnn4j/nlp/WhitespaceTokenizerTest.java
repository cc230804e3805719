package org.rnn4j.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;

class WhitespaceTokenizerTest {

    @Test
    void keepsPennTreebankTokensAsWritten() throws IOException {
        String lines;
        try (Stream<String> file = Files.lines(SharedCorpora.file("ptb/ptb.train.txt"), StandardCharsets.UTF_8)) {
            lines = String.join("\n", file.skip(1).limit(3).toList());
        }
        List<List<String>> sentences = new WhitespaceTokenizer(Casing.AS_WRITTEN).sentences(lines, "the corpus");
        assertEquals(3, sentences.size());
        assertEquals(List.of("pierre", "<unk>", "N", "years", "old", "will", "join", "the", "board", "as", "a", "nonexecutive",
                "director", "nov.", "N"), sentences.get(0));
        assertEquals(List.of("mr.", "<unk>", "is", "chairman", "of", "<unk>", "n.v.", "the", "dutch", "publishing", "group"),
                sentences.get(1));
    }

    @Test
    void eachNonBlankLineIsOneSentence() {
        List<List<String>> sentences = new WhitespaceTokenizer(Casing.AS_WRITTEN).sentences(" a  b\t's \r\n\n \t\nC .\n", "the text");
        assertEquals(List.of(List.of("a", "b", "'s"), List.of("C", ".")), sentences);
    }

    @Test
    void lowercases() {
        assertEquals(List.of(List.of("the", "<unk>", "rose", "n", "%")),
                new WhitespaceTokenizer(Casing.LOWERCASE).sentences("The <unk> ROSE N %", "the text"));
    }

    @Test
    void textWithoutTokensIsRefused() {
        var e = assertThrows(InvalidInputException.class, () -> new WhitespaceTokenizer(Casing.AS_WRITTEN).sentences("\n \n", "the corpus"));
        assertEquals("the corpus has no words, only whitespace; give a text with one sentence per line", e.getMessage());
    }
}
