package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.Cells;
import org.rnn4j.tensor.TensorShape;
import org.rnn4j.train.Checkpoint;

/** One real run on tiny/sonnets.txt, then every command on its output: sample, eval, inspect, plot; and gradcheck. */
class EndToEndTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int STEPS = 60;

    @TempDir
    static Path run;

    private static String text;
    private static Cli.Result training;
    private static Path checkpoint;

    @BeforeAll
    static void train() throws IOException {
        text = Files.readString(Cli.sonnets(), StandardCharsets.UTF_8);
        training = Cli.trainTiny(Cli.sonnets(), run, "--max-steps", Integer.toString(STEPS)).ok();
        checkpoint = run.resolve("checkpoint.safetensors");
    }

    @Test
    void trainingWritesCheckpointsMetricsAndPlot() throws IOException {
        assertTrue(Files.isRegularFile(checkpoint), "checkpoint.safetensors");
        assertTrue(Files.isRegularFile(run.resolve("best.safetensors")), "best.safetensors");
        assertEquals(STEPS, Checkpoint.load(checkpoint).trainingState().step());

        List<Map<String, Object>> metrics = Cli.metrics(run);
        List<Double> train = values(metrics, "train_loss");
        List<Double> validation = values(metrics, "val_loss");
        assertEquals(STEPS / 10, train.size(), "a train_loss line every 10 steps: " + train);
        assertEquals(STEPS / 10, validation.size(), "a val_loss line every 10 steps: " + validation);
        assertTrue(train.getLast() < train.getFirst(), "training loss decreases: " + train);
        assertTrue(validation.getLast() < validation.getFirst(), "validation loss decreases: " + validation);

        assertPng(run.resolve("loss.png"));
        assertEquals(List.of(), Cli.temporaryFiles(run));
    }

    @Test
    void samplingIsReproducibleAndHasTheRequestedLength() {
        String first = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "100", "--seed", "3").ok().out();
        String second = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "100", "--seed", "3").ok().out();
        assertEquals(first, second, "same seed, same sample");
        assertEquals(100, sampleBody(first).codePointCount(0, sampleBody(first).length()), "100 characters, then a newline");

        String other = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "100", "--seed", "4").ok().out();
        assertNotEquals(first, other, "another seed, another sample");
    }

    @Test
    void greedySamplingIsDeterministicWithoutASeed() {
        String a = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "50", "--greedy", "--seed", "1").ok().out();
        String b = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "50", "--greedy", "--seed", "2").ok().out();
        assertEquals(a, b, "greedy decoding ignores the seed");
        assertEquals(50, sampleBody(a).length());
    }

    @Test
    void temperatureZeroIsGreedy() {
        String greedy = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "50", "--greedy").ok().out();
        assertEquals(greedy, Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "50", "--temperature", "0").ok().out());
        assertEquals(greedy, Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "50", "--greedy",
                "--temperature", "0").ok().out());
    }

    @Test
    void successfulCommandsWriteNothingOnStderr() {
        List<List<String>> commands = List.of(
                List.of("sample", "--checkpoint", checkpoint.toString(), "--length", "20"),
                List.of("eval", "--checkpoint", checkpoint.toString(), "--text", Cli.sonnets().toString()),
                List.of("inspect", checkpoint.toString()),
                List.of("plot", run.toString()),
                List.of("gradcheck"));
        assertEquals("", training.err());
        for (List<String> command : commands) {
            assertEquals("", Cli.run(command.toArray(String[]::new)).ok().err(), String.join(" ", command));
        }
    }

    @Test
    void trainingOnCrlfTextSaysThatCarriageReturnIsACharacter(@TempDir Path temp) throws IOException {
        Path crlf = Files.writeString(temp.resolve("crlf.txt"), text.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        String out = Cli.trainTiny(crlf, temp.resolve("run"), "--max-steps", "1").ok().out();
        assertEquals(1, out.lines().filter(line -> line.startsWith("note: ") && line.contains("CRLF")).count(), out);
        assertTrue(training.out().lines().noneMatch(line -> line.contains("CRLF")), training.out());
    }

    @Test
    void primeStartsTheSampleAndCountRepeatsIt() {
        String prime = "Shall I compare thee";
        String out = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--prime", prime, "--length", "40",
                "--count", "2", "--seed", "5").ok().out();
        int one = prime.length() + 40;
        assertEquals(2 * one + 2, sampleBody(out).length(), "two samples of prime + 40 characters and a blank line between: " + out);
        assertTrue(out.startsWith(prime), out);
        assertEquals("\n\n" + prime, out.substring(one, one + 2 + prime.length()), "the second sample starts after a blank line");
    }

    @Test
    void stopEndsTheSampleEarly() {
        String out = Cli.run("sample", "--checkpoint", checkpoint.toString(), "--length", "2000", "--stop", "e",
                "--seed", "6").ok().out();
        String body = sampleBody(out);
        assertTrue(body.endsWith("e"), body);
        assertTrue(body.length() < 2000, "stopped early, after " + body.length() + " characters");
        assertEquals(body.length() - 1, body.indexOf('e'), "the first 'e' ends the sample");
    }

    @Test
    void evalReportsConsistentLossPerplexityAndBits() {
        Map<String, Double> report = report(Cli.run("eval", "--checkpoint", checkpoint.toString(), "--text",
                Cli.sonnets().toString()).ok().out());
        double loss = report.get("loss");
        assertEquals(text.length() - 1, report.get("tokens"), 0, "every character but the first is predicted");
        assertTrue(loss > 0.5 && loss < Math.log(55), "a trained model beats uniform: " + loss);
        assertEquals(Math.exp(loss), report.get("perplexity"), 1e-3);
        assertEquals(loss / Math.log(2), report.get("bpc"), 1e-5);
        double accuracy = report.get("accuracy");
        assertTrue(accuracy > 1.0 / 55 && accuracy <= 1, "accuracy " + accuracy);
    }

    @Test
    void perTokenScoresAverageToTheLoss() {
        String out = Cli.run("eval", "--checkpoint", checkpoint.toString(), "--text", Cli.sonnets().toString(),
                "--per-token").ok().out();
        List<String> scores = out.lines().filter(line -> line.matches("\\d+\t.*")).toList();
        assertEquals(text.length() - 1, scores.size(), "one line per predicted character");
        double sum = 0;
        for (String line : scores) {
            double logProbability = Double.parseDouble(line.substring(line.lastIndexOf('\t') + 1));
            assertTrue(logProbability <= 0, line);
            sum -= logProbability;
        }
        assertEquals(report(out).get("loss"), sum / scores.size(), 1e-4);
    }

    @Test
    void streamsScoredTogetherPrintTheirTokensInTextOrderAsOneStreamScoresThem() {
        String together = Cli.run("eval", "--checkpoint", checkpoint.toString(), "--text", Cli.sonnets().toString(),
                "--per-token").ok().out();
        String alone = Cli.run("eval", "--checkpoint", checkpoint.toString(), "--text", Cli.sonnets().toString(),
                "--per-token", "--batch-size", "1").ok().out();
        List<String> rows = together.lines().filter(line -> line.matches("\\d+\t.*")).toList();
        List<String> oneStream = alone.lines().filter(line -> line.matches("\\d+\t.*")).toList();
        assertEquals(oneStream.size(), rows.size());
        double largest = 0;
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i).split("\t");
            String[] expected = oneStream.get(i).split("\t");
            assertEquals(Integer.toString(i + 1), row[0], "text order");
            assertEquals(expected[1], row[1], "position " + row[0]);
            largest = Math.max(largest, Math.abs(Double.parseDouble(row[2]) - Double.parseDouble(expected[2])));
        }
        assertTrue(largest < 1e-3, "the warm-up gives each token its one-stream score: differs by up to " + largest);
        assertEquals(report(alone).get("loss"), report(together).get("loss"), 1e-5);
    }

    @Test
    void inspectShowsCellVocabularyParametersAndStep() {
        String out = Cli.run("inspect", checkpoint.toString()).ok().out();
        assertTrue(out.contains("lstm"), out);
        assertTrue(out.contains("vocabulary   55 characters"), out);
        int v = 55;
        int h = 32;
        int e = h; // a character model's embedding is as wide as its state
        int parameters = v * e + 4 * h * (e + h) + 2 * 4 * h + v * h + v; // embedding, W_ih|W_hh, b_ih|b_hh, decoder
        assertTrue(out.contains(String.format("parameters   %,d", parameters)), out);
        assertTrue(out.contains("step " + STEPS + ","), out);
    }

    @Test
    void plotRewritesTheLossCurve() throws IOException {
        Path png = run.resolve("loss.png");
        Files.write(png, new byte[] {1, 2, 3});
        String out = Cli.run("plot", run.toString()).ok().out();
        assertTrue(out.contains("loss.png"), out);
        assertPng(png);
    }

    static Stream<String> cellIds() {
        return Cells.all().stream().map(Cell::id);
    }

    @ParameterizedTest
    @MethodSource("cellIds")
    void gradientCheckPasses(String cell) {
        Cli.Result result = Cli.run("gradcheck", "--cell", cell).ok();
        assertTrue(result.out().strip().endsWith("PASS"), result.out());
        for (TensorShape tensor : Cells.of(cell).tensors(4, 3)) {
            assertTrue(result.out().contains("rnn." + tensor.name() + "_l1"), "both layers checked: " + result.out());
        }
    }

    /** Every cell trains two layers, saves them and samples from the file. */
    @ParameterizedTest
    @MethodSource("cellIds")
    void everyCellTrainsSavesAndSamples(String cell, @TempDir Path temp) {
        Cli.trainTiny(Cli.sonnets(), temp, "--cell", cell, "--num-layers", "2", "--max-steps", "10").ok();
        Path saved = temp.resolve("checkpoint.safetensors");
        assertEquals(cell, Checkpoint.load(saved).model().cell().id());
        String sample = sampleBody(Cli.run("sample", "--checkpoint", saved.toString(), "--length", "20", "--seed", "3").ok().out());
        assertEquals(20, sample.codePointCount(0, sample.length()), sample);
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "gradcheck"})
    void helpListsEveryCell(String command) {
        String out = Cli.run(command, "--help").ok().out();
        assertTrue(out.replaceAll("\\s+", " ").contains("Recurrent cell: " + Cells.ids() + " "), out);
    }

    /** The generated text of a sample command's output: everything but the final newline. */
    private static String sampleBody(String out) {
        assertTrue(out.endsWith("\n"), "ends with a newline");
        return out.substring(0, out.length() - 1);
    }

    /** The "name value …" lines of eval's report as numbers. */
    private static Map<String, Double> report(String out) {
        Map<String, Double> values = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^(tokens|loss|perplexity|bpc|accuracy) ([0-9.]+)").matcher(out);
        while (m.find()) {
            values.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        assertEquals(5, values.size(), "tokens, loss, perplexity, bpc and accuracy lines: " + out);
        return values;
    }

    private static List<Double> values(List<Map<String, Object>> metrics, String key) {
        return metrics.stream().filter(r -> r.get(key) instanceof Number).map(r -> ((Number) r.get(key)).doubleValue()).toList();
    }

    private static void assertPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 5_000, "a real plot, not " + bytes.length + " bytes");
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), "PNG signature");
        assertEquals("IHDR", new String(bytes, 12, 4, StandardCharsets.ISO_8859_1), "first chunk");
    }
}
