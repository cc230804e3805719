package org.rnn4j.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;

/** The three layouts of labelled texts, the class filter, and a one-line refusal with file and line for each bad input. */
class LabelledTextReaderTest {

    @TempDir
    Path temp;

    @Test
    void tsvLinesAreExamplesWithTheirLineAsOrigin() throws IOException {
        Path file = write("poems.tsv", "frost\tTwo roads diverged \n\n  \npoe \t Once upon a midnight dreary\tagain\r\nfrost\tWhose woods these are\n");
        List<LabelledText> examples = LabelledTextReader.read(file, List.of());
        assertEquals(List.of(new LabelledText("frost", "Two roads diverged", file + ":1"),
                new LabelledText("poe", "Once upon a midnight dreary\tagain", file + ":4"),
                new LabelledText("frost", "Whose woods these are", file + ":5")), examples);
        assertEquals(List.of(examples.get(0), examples.get(2)), LabelledTextReader.read(file, List.of("frost")));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLabel() throws IOException {
        Path file = write("bom.tsv", "\uFEFFa\tx\nb\ty\n");
        assertEquals("a", LabelledTextReader.read(file, List.of()).getFirst().label());
    }

    @Test
    void aLineWithoutATabIsRefusedWithItsLine() throws IOException {
        Path file = write("bad.tsv", "a\tone\n\nb two\n");
        assertRefused(file, file + ":3: no tab between the label and the text; write each example as label<TAB>text");
    }

    @Test
    void anEmptyLabelOrTextIsRefusedWithItsLine() throws IOException {
        Path noLabel = write("nolabel.tsv", "a\tone\n \ttwo\n");
        assertRefused(noLabel, noLabel + ":2: the label before the tab is empty; write each example as label<TAB>text");
        Path noText = write("notext.tsv", "a\tone\nb\tok\nb\t  \n");
        assertRefused(noText, noText + ":3: the text after the label 'b' is empty; give the example a text or remove the line");
        Path blank = write("blank.tsv", "\n \n");
        assertRefused(blank, blank + " has no examples, only blank lines; write each example as label<TAB>text");
    }

    @Test
    void invalidUtf8IsRefusedWithTheFileAndOffset() throws IOException {
        Path file = temp.resolve("latin1.tsv");
        Files.write(file, new byte[] {'a', '\t', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertRefused(file, file + " is not valid UTF-8: byte 0xE9 at byte offset 5; convert the file to UTF-8 (for example with iconv)");
    }

    @Test
    void aFolderOfFilesHasAClassPerFileAndAnExamplePerLine() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("poetry"));
        Files.writeString(folder.resolve("robert_frost.txt"), "Two roads\n\nI took the one \n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("edgar_allan_poe.txt"), "Once upon\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("sonnets.txt"), "Shall I compare thee\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(".hidden"), "ignored\n", StandardCharsets.UTF_8);
        List<LabelledText> examples = LabelledTextReader.read(folder, List.of("robert_frost", "edgar_allan_poe"));
        assertEquals(List.of(new LabelledText("edgar_allan_poe", "Once upon", folder.resolve("edgar_allan_poe.txt") + ":1"),
                new LabelledText("robert_frost", "Two roads", folder.resolve("robert_frost.txt") + ":1"),
                new LabelledText("robert_frost", "I took the one", folder.resolve("robert_frost.txt") + ":3")), examples);
        assertEquals(4, LabelledTextReader.read(folder, List.of()).size());
        assertRefused(folder, List.of("poe"), "there is no class 'poe' in " + folder + "; its classes are edgar_allan_poe, robert_frost, sonnets");
    }

    @Test
    void aFolderOfSubFoldersHasAClassPerSubFolderAndAnExamplePerFile() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("reviews"));
        Path good = Files.createDirectory(folder.resolve("good"));
        Path bad = Files.createDirectory(folder.resolve("bad"));
        Files.writeString(good.resolve("a.txt"), "Loved it.\nTruly.\n", StandardCharsets.UTF_8);
        Files.writeString(good.resolve("b.txt"), "Great", StandardCharsets.UTF_8);
        Files.writeString(bad.resolve("c.txt"), "  Dull.  ", StandardCharsets.UTF_8);
        assertEquals(List.of(new LabelledText("bad", "Dull.", bad.resolve("c.txt").toString()),
                new LabelledText("good", "Loved it.\nTruly.", good.resolve("a.txt").toString()),
                new LabelledText("good", "Great", good.resolve("b.txt").toString())), LabelledTextReader.read(folder, List.of()));
        Files.writeString(bad.resolve("d.txt"), " \n ", StandardCharsets.UTF_8);
        assertRefused(folder, bad.resolve("d.txt") + ": the text is empty (only whitespace); give the example a text or remove the file");
    }

    @Test
    void foldersThatFitNoLayoutAreRefused() throws IOException {
        Path mixed = Files.createDirectory(temp.resolve("mixed"));
        Files.createDirectory(mixed.resolve("a"));
        Files.writeString(mixed.resolve("b.txt"), "x\n", StandardCharsets.UTF_8);
        assertRefused(mixed, "folder " + mixed + " holds both sub-folders (a, …) and files (b.txt, …); give one sub-folder per class or one file per class");
        Path twins = Files.createDirectory(temp.resolve("twins"));
        Files.writeString(twins.resolve("a.md"), "x\n", StandardCharsets.UTF_8);
        Files.writeString(twins.resolve("a.txt"), "y\n", StandardCharsets.UTF_8);
        assertRefused(twins, twins.resolve("a.md") + " and " + twins.resolve("a.txt") + " both name class 'a'; rename one of them");
        Path empty = Files.createDirectory(temp.resolve("empty"));
        assertRefused(empty, "folder " + empty + " is empty; give one sub-folder per class or one file per class");
    }

    @Test
    void aMissingPathIsRefused() {
        Path missing = temp.resolve("missing.tsv");
        assertRefused(missing, "no such file: " + missing + "; check the path");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static void assertRefused(Path path, String message) {
        assertRefused(path, List.of(), message);
    }

    private static void assertRefused(Path path, List<String> classes, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> LabelledTextReader.read(path, classes));
        assertEquals(message, e.getMessage());
        assertTrue(e.getMessage().lines().count() == 1, "one line");
    }
}
