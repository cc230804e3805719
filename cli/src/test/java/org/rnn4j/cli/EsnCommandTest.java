package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.esn.EchoStateNetwork;
import org.rnn4j.random.Rng;

/** {@code rnn4j esn train} and {@code eval}: the sine task, a user's CSV, and the refusals that write nothing. */
class EsnCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Pattern NRMSE = Pattern.compile("held-out NRMSE: ESN (\\d+\\.\\d+), ridge on the raw input (\\d+\\.\\d+)");

    @TempDir
    Path temp;

    @Test
    void theSineTaskBeatsTheRawInputAndWritesTheNetworkAndAPlot() throws IOException {
        Path out = temp.resolve("sine");
        String printed = Cli.run("esn", "train", "--task", "sine", "--steps", "6000", "--reservoir", "120", "--seed", "3",
                "--out", out.toString()).ok().out();
        Matcher nrmse = NRMSE.matcher(printed);
        assertTrue(nrmse.find(), printed);
        double esn = Double.parseDouble(nrmse.group(1));
        double baseline = Double.parseDouble(nrmse.group(2));
        assertTrue(5 * esn <= baseline, printed);
        assertTrue(printed.contains("spectral radius 0.80"), printed);
        assertPng(out.resolve(EsnTrainCommand.PLOT_FILE));
        assertTrue(EchoStateNetwork.load(out.resolve(EsnTrainCommand.MODEL_FILE)).fitted());
        assertEquals(List.of(), Cli.temporaryFiles(out));

        Path plot = temp.resolve("eval.png");
        String evaluated = Cli.run("esn", "eval", "--model", out.resolve(EsnTrainCommand.MODEL_FILE).toString(), "--steps", "1500",
                "--plot", plot.toString()).ok().out();
        Matcher line = Pattern.compile("NRMSE (\\d+\\.\\d+) over steps 200-1499").matcher(evaluated);
        assertTrue(line.find(), evaluated);
        assertTrue(Double.parseDouble(line.group(1)) < 0.2, evaluated);
        assertPng(plot);
    }

    /** A memory task without feedback: the target is the input of 3 steps before, which the raw input cannot give. */
    @Test
    void aUsersCsvWithAHeaderAndChosenColumns() throws IOException {
        Rng rng = new Rng(9);
        StringBuilder csv = new StringBuilder("noise,u,y\n");
        double[] u = new double[1500];
        for (int t = 0; t < u.length; t++) {
            u[t] = 2 * rng.nextDouble() - 1;
            csv.append(rng.nextDouble()).append(',').append(u[t]).append(',').append(t >= 3 ? u[t - 3] : 0).append('\n');
        }
        Path file = temp.resolve("delay.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        String printed = Cli.run("esn", "train", "--csv", file.toString(), "--inputs", "u", "--targets", "3", "--reservoir", "100",
                "--leak-rate", "1", "--input-scaling", "0.2", "--ridge", "1e-6", "--out", temp.resolve("delay").toString()).ok().out();
        Matcher nrmse = NRMSE.matcher(printed);
        assertTrue(nrmse.find(), printed);
        assertTrue(5 * Double.parseDouble(nrmse.group(1)) <= Double.parseDouble(nrmse.group(2)), printed);
        assertTrue(printed.contains("feedback none"), printed);
        assertTrue(printed.contains("1 input and 1 target columns"), printed);
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws IOException {
        Path bad = temp.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1,2\n3,4\n5,?\n", StandardCharsets.UTF_8);
        Path short_ = temp.resolve("short.csv");
        Files.writeString(short_, "1,2\n".repeat(50), StandardCharsets.UTF_8);
        Path out = temp.resolve("never");
        refused(List.of("--spectral-radius", "0"), "the spectral radius must be greater than 0, got 0.0");
        refused(List.of("--spectral-radius", "-0.9"), "the spectral radius must be greater than 0, got -0.9");
        refused(List.of("--reservoir", "100000"), "a reservoir of 100000 units is larger than the 23170");
        refused(List.of("--reservoir", "23000", "--connectivity", "1", "--steps", "100000"), "the model needs ");
        refused(List.of("--csv", bad.toString()), bad + " line 4, column 2: \"?\" is not a number");
        refused(List.of("--csv", short_.toString()), "the training part (--train-frac 0.8 of 50 steps) has 40 samples, not more than the washout of 200");
        refused(List.of("--task", "cosine"), "unknown --task 'cosine'");
        assertFalse(Files.exists(out), "nothing written");

        Path model = temp.resolve("model");
        Cli.run("esn", "train", "--steps", "600", "--reservoir", "30", "--out", model.toString()).ok();
        Cli.Result tooShort = Cli.run("esn", "eval", "--model", model.resolve(EsnTrainCommand.MODEL_FILE).toString(), "--steps", "150",
                "--plot", temp.resolve("p.png").toString());
        assertOneLine(tooShort, "the data has 150 samples, not more than the washout of 200");
        assertFalse(Files.exists(temp.resolve("p.png")));
        Cli.Result again = Cli.run("esn", "train", "--steps", "600", "--reservoir", "30", "--out", model.toString());
        assertOneLine(again, "already holds esn.safetensors");
    }

    private void refused(List<String> options, String message) {
        List<String> args = new ArrayList<>(List.of("esn", "train", "--out", temp.resolve("never").toString()));
        args.addAll(options);
        assertOneLine(Cli.run(args.toArray(String[]::new)), message);
    }

    private static void assertOneLine(Cli.Result result, String message) {
        assertEquals(2, result.exitCode(), result.err());
        assertEquals("", result.out());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("rnn4j: ") && result.err().contains(message), result.err());
    }

    private static void assertPng(Path png) throws IOException {
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, PNG_SIGNATURE.length), png.toString());
    }
}
