package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code rnn4j classify baseline} end to end on the pets fixture (20 lines about cats, 20 about dogs), and each
 * bad input: exit 2, one line on stderr naming the line at fault, nothing on stdout, nothing written.
 */
class ClassifyBaselineTest {

    private static final Pattern ACCURACY = Pattern.compile(
            "validation accuracy: majority class \\((\\w+)\\) ([0-9.]+), bag-of-words logistic regression ([0-9.]+)");

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"char", "word", "pos"})
    void scoresBothBaselinesAtEachTokenLevel(String level) {
        Cli.Result result = Cli.run("classify", "baseline", "--data", pets().toString(), "--tokens", level).ok();
        assertEquals("", result.err());
        String out = result.out();
        assertTrue(out.contains("40 texts in 2 classes (cat 20, dog 20)"), out);
        assertTrue(out.contains("split: 32 training, 8 validation texts (stratified: 20% of each class, seed 1)"), out);
        assertTrue(out.contains("tokens: " + level + ", "), out);
        Matcher accuracy = ACCURACY.matcher(out);
        assertTrue(accuracy.find(), out);
        assertEquals("cat", accuracy.group(1), "a tie goes to the first class");
        assertEquals(0.5, Double.parseDouble(accuracy.group(2)), 1e-9, "4 of the 8 validation texts are cats");
        assertTrue(out.contains("majority class, on the validation split:"), out);
        assertTrue(out.contains("bag-of-words logistic regression, on the validation split:"), out);
        assertTrue(out.contains("confusion matrix (rows: actual class, columns: predicted class)"), out);
    }

    @Test
    void wordsTellCatsFromDogsAndThePictureIsWritten() throws IOException {
        Path run = temp.resolve("run");
        String out = Cli.run("classify", "baseline", "--data", pets().toString(), "--out", run.toString()).ok().out();
        Matcher accuracy = ACCURACY.matcher(out);
        assertTrue(accuracy.find(), out);
        assertTrue(Double.parseDouble(accuracy.group(3)) >= 0.875, "cat and dog words separate the classes: " + out);
        Path png = run.resolve("confusion.png");
        assertTrue(out.contains("confusion matrix picture: " + png), out);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 200 && image.getHeight() > 200, image.getWidth() + "×" + image.getHeight());
        assertEquals(List.of(), Cli.temporaryFiles(run));
    }

    @Test
    void theSameSeedGivesTheSameScoresAndAnotherSeedAnotherSplit() {
        String first = withoutTiming(Cli.run("classify", "baseline", "--data", pets().toString(), "--seed", "5").ok().out());
        assertEquals(first, withoutTiming(Cli.run("classify", "baseline", "--data", pets().toString(), "--seed", "5").ok().out()));
        assertFalse(first.equals(withoutTiming(Cli.run("classify", "baseline", "--data", pets().toString(), "--seed", "6").ok().out())));
    }

    @Test
    void aFolderWithAFilePerClassIsFilteredByClass() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("pets"));
        StringBuilder cats = new StringBuilder();
        StringBuilder dogs = new StringBuilder();
        for (String line : Files.readAllLines(pets(), StandardCharsets.UTF_8)) {
            (line.startsWith("cat\t") ? cats : dogs).append(line.substring(4)).append('\n');
        }
        Files.writeString(folder.resolve("cat.txt"), cats, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("dog.txt"), dogs, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("bird.txt"), "A bird sings.\nThe bird flies.\n", StandardCharsets.UTF_8);
        String out = Cli.run("classify", "baseline", "--data", folder.toString(), "--classes", "dog,cat").ok().out();
        assertTrue(out.contains("40 texts in 2 classes (cat 20, dog 20)"), out);
        assertTrue(Cli.run("classify", "baseline", "--data", folder.toString()).ok().out().contains("42 texts in 3 classes (bird 2, cat 20, dog 20)"));
    }

    @Test
    void aLineWithoutATab() throws IOException {
        Path data = tsv("cat\tA cat.\ncat\tThe cat.\n\ndog the dog\ndog\tA dog.\ndog\tThe dog.\n");
        assertRefused(data, data + ":4: no tab between the label and the text; write each example as label<TAB>text");
    }

    @Test
    void anEmptyText() throws IOException {
        Path data = tsv("cat\tA cat.\ncat\t \t \ndog\tA dog.\ndog\tThe dog.\n");
        assertRefused(data, data + ":2: the text after the label 'cat' is empty; give the example a text or remove the line");
    }

    @Test
    void aSingleClass() throws IOException {
        Path data = tsv("cat\tA cat.\ncat\tThe cat.\ncat\tMy cat.\n");
        assertRefused(data, "the data has a single class, 'cat', and a classifier needs at least two; add examples of another class");
    }

    @Test
    void aClassWithOneExample() throws IOException {
        Path data = tsv("cat\tA cat.\ncat\tThe cat.\nbird\tA bird.\ndog\tA dog.\ndog\tThe dog.\n");
        assertRefused(data, "class 'bird' has 1 example(s), too few to have one in training and one in validation; give it at least two or leave it out");
    }

    @Test
    void anUnknownClassOrTokenLevelOrFraction() {
        assertRefused(pets(), "there is no class 'bird' in " + pets() + "; its classes are cat, dog", "--classes", "cat,bird");
        assertRefused(pets(), "unknown token level 'words': choose one of char, word, pos", "--tokens", "words");
        assertRefused(pets(), "the validation fraction must be between 0 and 1 (exclusive), got 1.5", "--val-frac", "1.5");
    }

    @Test
    void textThatIsNotEnglishAtTheWordLevel() throws IOException {
        Path data = tsv("cat\tA cat.\ncat\tThe cat.\ndog\t狗在叫。狗在跑。\ndog\tThe dog.\n");
        Cli.Result result = Cli.run("classify", "baseline", "--data", data.toString(), "--out", temp.resolve("run").toString());
        assertEquals(2, result.exitCode());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("rnn4j: " + data + ":3 does not look like English"), result.err());
        assertEquals(0, Cli.run("classify", "baseline", "--data", data.toString(), "--tokens", "char").exitCode());
    }

    private void assertRefused(Path data, String message, String... options) {
        Path run = temp.resolve("run");
        List<String> args = new java.util.ArrayList<>(List.of("classify", "baseline", "--data", data.toString(), "--out", run.toString()));
        args.addAll(List.of(options));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(List.of("rnn4j: " + message), result.errLines());
        assertEquals("", result.out());
        assertFalse(Files.exists(run), "nothing written");
    }

    private Path tsv(String text) throws IOException {
        return Files.writeString(temp.resolve("data.tsv"), text, StandardCharsets.UTF_8);
    }

    /** The output without the tokens line, which says how long the tokenizing took. */
    private static String withoutTiming(String out) {
        return out.lines().filter(line -> !line.startsWith("tokens: ")).reduce("", (a, b) -> a + b + "\n");
    }

    /** classify/pets.tsv of the test resources: 20 sentences about cats and 20 about dogs, shuffled. */
    static Path pets() {
        try {
            return Path.of(ClassifyBaselineTest.class.getResource("/classify/pets.tsv").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
