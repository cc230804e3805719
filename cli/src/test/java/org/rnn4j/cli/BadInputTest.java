package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rnn4j.io.SafeTensors;

/**
 * Every way of holding the CLI wrong ends in exit code 2 and exactly one line on stderr that says what is
 * wrong, with nothing on stdout, nothing half-written left behind and an existing run untouched.
 */
class BadInputTest {

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    /** A finished run of the tiny model on the sonnets; tests copy it before they could touch it. */
    private static Path run;
    private static Path checkpoint;

    @BeforeAll
    static void train() {
        run = shared.resolve("run");
        Cli.trainTiny(Cli.sonnets(), run, "--max-steps", "20").ok();
        checkpoint = run.resolve("checkpoint.safetensors");
    }

    // --- corpora

    @Test
    void missingTextFile() {
        Path missing = temp.resolve("nope.txt");
        assertTrainRefused(missing, "no such file", "nope.txt");
    }

    @Test
    void emptyTextFile() throws IOException {
        assertTrainRefused(Files.createFile(temp.resolve("empty.txt")), "empty.txt is empty");
    }

    @Test
    void binaryTextFile() throws IOException {
        Path binary = Files.write(temp.resolve("binary.txt"), new byte[] {'a', 'b', 'c', 0, 'd'});
        assertTrainRefused(binary, "binary", "byte offset 3");
    }

    @Test
    void invalidUtf8SaysWhere() throws IOException {
        byte[] bytes = "All the world's a stage\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        bytes[1234] = (byte) 0xFF;
        assertTrainRefused(Files.write(temp.resolve("latin1.txt"), bytes), "not valid UTF-8", "0xFF", "byte offset 1234");
    }

    @Test
    void folderWithoutTextFiles() throws IOException {
        Path folder = Files.createDirectory(temp.resolve("corpus"));
        Files.writeString(folder.resolve("notes.md"), "not a corpus");
        assertTrainRefused(folder, "has no .txt files");
    }

    @Test
    void corpusOfOneCharacter() throws IOException {
        assertTrainRefused(Files.writeString(temp.resolve("aaa.txt"), "a".repeat(500)), "only one distinct character, 'a' (U+0061)",
                "at least two");
    }

    @Test
    void corpusTooShortForOneWindow() throws IOException {
        Path tiny = Files.writeString(temp.resolve("short.txt"), "Shall I compare thee to a summer's day? Thou art.");
        // 49 characters, 90 % for training: 44 tokens, but 4 × 16 windows need 4 × 16 + 1 = 65
        assertTrainRefused(tiny, "44 tokens", "at least 65", "lower the batch size or the sequence length");
    }

    // --- options

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --rnn-size      | 0    | hidden size must be positive
            --learning-rate | 0    | learning rate must be positive
            --batch-size    | -1   | batch size must be positive
            --dropout       | 1    | dropout must be in [0, 1)
            --embedding-dropout | 1.5 | embedding dropout must be in [0, 1), got 1.5
            --cell          | foo  | unknown cell 'foo'
            --optimizer     | foo  | unknown optimizer 'foo'
            --threads       | 0    | --threads must be at least 1
            """)
    void invalidTrainingOption(String option, String value, String message) {
        Path out = temp.resolve("run");
        Cli.Result result = Cli.trainTiny(Cli.sonnets(), out, "--max-steps", "5", option, value);
        assertRefused(result, 2, message);
        assertFalse(Files.exists(out), "no run folder is created for a refused command");
    }

    /** MUT1 and MUT2 add their input to the hidden state: an embedding of another width is refused, naming both options. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mut1 | 16 | --wordvec-size (16) must be as wide as --rnn-size (32)
            mut2 | 0  | the one-hot input of --wordvec-size 0 (
            """)
    void cellThatNeedsItsInputAsWideAsItsState(String cell, String wordvecSize, String message) {
        Path out = temp.resolve("run");
        Cli.Result result = Cli.trainTiny(Cli.sonnets(), out, "--cell", cell, "--wordvec-size", wordvecSize, "--max-steps", "5");
        assertRefused(result, 2, "--cell " + cell, message, "set --wordvec-size 32");
        assertFalse(Files.exists(out), "no run folder is created for a refused command");
        assertRefused(Cli.run("gradcheck", "--cell", cell, "--embedding", "2"), 2, "--embedding (2) must be as wide as --hidden (3)");
    }

    /** --factors is the multiplicative RNN's, and at least 1. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lstm | 8 | --factors sets the factor count of --cell mrnn; --cell lstm has no factors: drop --factors
            mrnn | 0 | --factors must be at least 1, got 0
            """)
    void factorsThatNoCellCanTake(String cell, String factors, String message) {
        Path out = temp.resolve("run");
        assertRefused(Cli.trainTiny(Cli.sonnets(), out, "--cell", cell, "--factors", factors, "--max-steps", "5"), 2, message);
        assertFalse(Files.exists(out), "no run folder is created for a refused command");
        assertRefused(Cli.run("gradcheck", "--cell", cell, "--factors", factors), 2, message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --temperature | -1       | --temperature must be 0 (greedy) or a finite positive number, got -1.0
            --temperature | Infinity | --temperature must be 0 (greedy) or a finite positive number, got Infinity
            --temperature | NaN      | --temperature must be 0 (greedy) or a finite positive number, got NaN
            --top-p       | 0   | top-p must be in (0, 1]
            --top-p       | 1.5 | top-p must be in (0, 1]
            --count       | 0   | --count must be at least 1
            --length      | -1  | length
            --top-k       | -1  | top-k
            """)
    void invalidSamplingOption(String option, String value, String message) {
        assertRefused(Cli.run("sample", "--checkpoint", checkpoint.toString(), option, value), 2, message);
    }

    @Test
    void unknownOptionPointsToHelp() {
        assertRefused(Cli.run("sample", "--checkpoint", checkpoint.toString(), "--temprature", "1"), 2,
                "--temprature", "rnn4j sample --help");
    }

    @ParameterizedTest
    @CsvSource({"1", "3"})
    void primeWithUnknownCharactersPrintsNothing(String count) {
        assertRefused(Cli.run("sample", "--checkpoint", checkpoint.toString(), "--prime", "ζeta", "--count", count), 2,
                "prime text", "'ζ' (U+03B6)", "never saw in training");
        assertRefused(Cli.run("sample", "--checkpoint", checkpoint.toString(), "--prime", "ZZZ€☃", "--count", count), 2,
                "prime text", "'€' (U+20AC)", "'☃' (U+2603)");
    }

    @Test
    void minLengthOnACharacterModel() {
        assertRefused(Cli.run("sample", "--checkpoint", checkpoint.toString(), "--min-length", "5"), 2,
                "--min-length applies to word models", "--length");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            nosuchcommand        | unknown command 'nosuchcommand'; the commands are train, sample, eval, | rnn4j --help
            nosuchcommand --help | unknown command 'nosuchcommand'; the commands are train, sample, eval, | rnn4j --help
            help nosuchcommand   | unknown command 'nosuchcommand'; the commands are train, sample, eval, | rnn4j --help
            embeddings nosuch -h | unknown command 'nosuch'; the commands are export                     | rnn4j embeddings --help
            """)
    void unknownCommandIsAnError(String args, String message, String help) {
        assertRefused(Cli.run(args.split(" ")), 2, message, help);
    }

    // --- checkpoints

    @Test
    void missingCheckpoint() {
        assertEveryCommandRefuses(temp.resolve("nope.safetensors"), "nope.safetensors", "no such file");
    }

    @Test
    void truncatedCheckpoint() throws IOException {
        byte[] bytes = Files.readAllBytes(checkpoint);
        Path cut = Files.write(temp.resolve("cut.safetensors"), Arrays.copyOf(bytes, bytes.length / 2));
        assertEveryCommandRefuses(cut, "cut.safetensors", "truncated");
    }

    @Test
    void garbageCheckpoint() throws IOException {
        Path garbage = Files.writeString(temp.resolve("garbage.safetensors"), "This is not a checkpoint. ".repeat(200));
        assertEveryCommandRefuses(garbage, "garbage.safetensors", "not a safetensors file");
    }

    @Test
    void checkpointOfANewerFormat() {
        SafeTensors.Contents contents = SafeTensors.read(checkpoint);
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        assertEquals("1", metadata.put("format_version", "99"));
        Path future = temp.resolve("future.safetensors");
        SafeTensors.write(future, metadata, contents.entries());
        assertEveryCommandRefuses(future, "format 99", "newer than this rnn4j reads", "upgrade rnn4j");
    }

    @Test
    void checkpointWithOneFlippedBit() throws IOException {
        byte[] bytes = Files.readAllBytes(checkpoint);
        int dataStart = 8 + (int) ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        bytes[dataStart + 4 * 100] ^= 1; // the lowest mantissa bit of one weight: still a finite number
        Path flipped = Files.write(temp.resolve("flipped.safetensors"), bytes);
        assertEveryCommandRefuses(flipped, "flipped.safetensors", "does not match the CRC-32", "best.safetensors");
    }

    @Test
    void checkpointWithANanWeight() {
        SafeTensors.Contents contents = SafeTensors.read(checkpoint);
        List<SafeTensors.Entry> entries = contents.entries().stream().map(e -> {
            if (!e.name().equals("decoder.weight")) {
                return e;
            }
            float[] values = e.floats();
            Arrays.fill(values, Float.NaN);
            return SafeTensors.Entry.ofFloats(e.name(), e.shape(), values);
        }).toList();
        Path nan = temp.resolve("nan.safetensors");
        SafeTensors.write(nan, contents.metadata(), entries);
        assertEveryCommandRefuses(nan, "nan.safetensors", "tensor decoder.weight holds NaN at index 0", "best.safetensors");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            mut9          | unknown cell 'mut9': choose one of
            lstm-peephole | tensor rnn.weight_ci_l0 is missing
            """)
    void checkpointWhoseCellIsUnknownOrLacksATensor(String cell, String message) {
        SafeTensors.Contents contents = SafeTensors.read(checkpoint);
        Map<String, String> metadata = new LinkedHashMap<>(contents.metadata());
        String model = metadata.get("model");
        assertTrue(model.contains("\"cell\":\"lstm\""), model);
        metadata.put("model", model.replace("\"cell\":\"lstm\"", "\"cell\":\"" + cell + "\""));
        Path relabelled = temp.resolve("relabelled.safetensors");
        SafeTensors.write(relabelled, metadata, contents.entries());
        assertEveryCommandRefuses(relabelled, "relabelled.safetensors", message, "use another checkpoint");
    }

    @Test
    void resumeOnACorpusWithNewCharacters() throws IOException {
        Path copy = copyOfRun();
        Path other = Files.writeString(temp.resolve("other.txt"),
                Files.readString(Cli.sonnets()) + "Ζεῦ πάτερ\n", StandardCharsets.UTF_8);
        Map<String, byte[]> before = contents(copy);
        Cli.Result result = Cli.run("train", "--resume", copy.resolve("checkpoint.safetensors").toString(),
                "--text", other.toString(), "--allow-new-text", "--max-steps", "40");
        assertRefused(result, 2, "characters the checkpoint's vocabulary lacks", "U+", "resume with the text the model was trained on");
        assertUnchanged(before, copy);
    }

    // --- run folders

    @Test
    void outFolderThatCannotBeCreated() throws IOException {
        Path file = Files.writeString(temp.resolve("a-file"), "in the way");
        Path out = file.resolve("run");
        Cli.Result result = Cli.trainTiny(Cli.sonnets(), out, "--max-steps", "5");
        assertRefused(result, 2, "cannot write to", out.toString(), "not a directory");
        assertFalse(result.err().contains("Exception"), result.err());
        assertEquals("in the way", Files.readString(file));
    }

    @Test
    void outFolderWithARunNeedsResume() throws IOException {
        Path copy = copyOfRun();
        Map<String, byte[]> before = contents(copy);
        assertRefused(Cli.trainTiny(Cli.sonnets(), copy, "--max-steps", "5"), 2, "already holds a run", "--resume");
        assertUnchanged(before, copy);
    }

    // --- plots

    @Test
    void plotOfBrokenMetricsNamesFileAndLine() throws IOException {
        Path copy = copyOfRun();
        Path metrics = copy.resolve("metrics.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(metrics));
        lines.set(1, "{\"step\": 3, oops");
        Files.write(metrics, lines);
        assertRefused(Cli.run("plot", copy.toString()), 2, metrics.toString(), "line 2", "invalid JSON");
        lines.set(1, "{\"train_loss\": 3.5}");
        Files.write(metrics, lines);
        assertRefused(Cli.run("plot", copy.toString()), 2, metrics.toString(), "line 2", "step");
    }

    /** train --text FILE into a fresh folder is refused, and no run folder is left behind. */
    private void assertTrainRefused(Path text, String... mentions) {
        Path out = temp.resolve("refused-run");
        assertRefused(Cli.trainTiny(text, out, "--max-steps", "5"), 2, mentions);
        assertFalse(Files.exists(out), "no run folder is created for a refused corpus");
    }

    /** sample, eval, inspect and train --resume all refuse {@code file} with the same message; nothing is written beside it. */
    private void assertEveryCommandRefuses(Path file, String... mentions) {
        List<List<String>> commands = List.of(
                List.of("sample", "--checkpoint", file.toString(), "--length", "10"),
                List.of("eval", "--checkpoint", file.toString(), "--text", Cli.sonnets().toString()),
                List.of("inspect", file.toString()),
                List.of("train", "--resume", file.toString(), "--text", Cli.sonnets().toString(), "--max-steps", "40"));
        Map<String, byte[]> before = contents(temp);
        for (List<String> command : commands) {
            Cli.Result result = Cli.run(command.toArray(String[]::new));
            assertRefused(result, 2, mentions);
            assertEquals("", result.out(), () -> "nothing on stdout from " + command.getFirst());
            assertUnchanged(before, temp);
        }
    }

    /**
     * Exit code {@code code}, stderr one line "rnn4j: …" that contains every one of {@code mentions}, and for
     * bad input nothing on stdout (a failed run has printed its progress).
     */
    static void assertRefused(Cli.Result result, int code, String... mentions) {
        assertEquals(code, result.exitCode(), () -> "exit code; stderr: " + result.err() + "\nstdout: " + result.out());
        if (code == Main.BAD_INPUT) {
            assertEquals("", result.out(), "bad input is refused before anything reaches stdout");
        }
        List<String> lines = result.errLines();
        assertEquals(1, lines.size(), () -> "one line on stderr, got:\n" + result.err());
        String line = lines.getFirst();
        assertTrue(line.startsWith("rnn4j: "), line);
        for (String mention : mentions) {
            assertTrue(line.contains(mention), () -> "\"" + mention + "\" in: " + line);
        }
    }

    private Path copyOfRun() throws IOException {
        Path copy = Files.createDirectory(temp.resolve("copy"));
        try (Stream<Path> files = Files.list(run)) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        return copy;
    }

    /** Every file of a folder (not recursive) and its bytes. */
    static Map<String, byte[]> contents(Path folder) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.sorted().toList()) {
                if (Files.isRegularFile(file)) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The folder holds exactly the same files with the same bytes, and no temporary files. */
    static void assertUnchanged(Map<String, byte[]> before, Path folder) {
        Map<String, byte[]> after = contents(folder);
        assertEquals(before.keySet(), after.keySet(), "files of " + folder);
        for (String name : before.keySet()) {
            assertArrayEquals(before.get(name), after.get(name), name + " is unchanged byte for byte");
        }
        assertEquals(List.of(), Cli.temporaryFiles(folder));
    }
}
