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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn4j demo parity}: the recurrent labeller's result, the printed table, the same table in a file, the plot, and refusals that write nothing. */
class ParityCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path temp;

    @Test
    void printsAndWritesARowPerHiddenSize() throws IOException {
        Path out = temp.resolve("parity");
        List<String> lines = Cli.run("demo", "parity", "--bits", "8", "--hidden", "1,32", "--restarts", "2", "--seed", "3",
                "--out", out.toString()).ok().out().lines().toList();
        assertEquals("data: parity of 8-bit vectors, 192 to train on, 64 held out (seed 3)", lines.get(0));
        assertTrue(lines.get(1).startsWith("recurrent: gru labeller, 4 units (one-hot input)"), lines.get(1));
        assertTrue(lines.get(2).endsWith("held out (parity): steps right 100.00%, sequences all right 100.00%"),
                "a 4-unit GRU labels every held-out vector's parity: " + lines.get(2));
        lines = lines.subList(2, lines.size()); // the feed-forward part follows
        assertTrue(lines.get(1).startsWith("feed-forward: 8 inputs -> H tanh units -> 2;") && lines.get(1).endsWith("2 nets per H"), lines.get(1));
        assertEquals(List.of("hidden", "units", "held-out", "best", "held-out", "mean", "training", "mean"), words(lines.get(2)));
        List<String> one = words(lines.get(3));
        List<String> many = words(lines.get(4));
        assertEquals("1", one.get(0));
        assertEquals("32", many.get(0));
        assertTrue(one.stream().skip(1).allMatch(cell -> cell.matches("\\d{1,3}\\.\\d\\d%")), lines.get(3));
        assertTrue(percent(many.get(3)) > 95, "32 units fit the 192 training vectors: " + lines.get(4));
        assertTrue(percent(one.get(3)) < 90, "one unit cannot fit parity: " + lines.get(3));
        assertEquals("files: " + out.resolve("feed-forward.tsv") + ", " + out.resolve("feed-forward.png"), lines.get(5));
        assertEquals(6, lines.size()); // after the recurrent part

        List<String> table = Files.readAllLines(out.resolve("feed-forward.tsv"), StandardCharsets.UTF_8);
        assertEquals("hidden\theld_out_best\theld_out_mean\ttrain_mean", table.get(0));
        assertEquals(3, table.size());
        for (int row = 0; row < 2; row++) {
            String[] cells = table.get(1 + row).split("\t");
            List<String> printed = words(lines.get(3 + row));
            assertEquals(printed.get(0), cells[0]);
            for (int column = 1; column < 4; column++) {
                assertEquals(percent(printed.get(column)), 100 * Double.parseDouble(cells[column]), 0.01, table.get(1 + row));
            }
        }
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(out.resolve("feed-forward.png")), PNG_SIGNATURE.length));
        assertEquals(List.of(), Cli.temporaryFiles(out));
    }

    @Test
    void badSettingsAreOneLineAndWriteNothing() throws IOException {
        Path out = temp.resolve("never");
        Path file = Files.writeString(temp.resolve("a-file"), "");
        for (String[] bad : List.of(new String[] {"--bits", "1"}, new String[] {"--bits", "17"}, new String[] {"--hidden", "0"},
                new String[] {"--hidden", "4,5000"}, new String[] {"--restarts", "0"}, new String[] {"--out", file.toString()})) {
            List<String> args = new ArrayList<>(List.of("demo", "parity", "--bits", "4", "--hidden", "2", "--restarts", "1", "--out", out.toString()));
            args.addAll(List.of(bad));
            Cli.Result result = Cli.run(args.toArray(String[]::new));
            assertEquals(Main.BAD_INPUT, result.exitCode(), String.join(" ", bad));
            assertEquals(1, result.errLines().size(), result.err());
            assertEquals("", result.out(), String.join(" ", bad));
            assertFalse(Files.exists(out), String.join(" ", bad));
        }
    }

    @Test
    void percentagesAreRoundedDown() {
        assertEquals("99.90%", ParityCommand.percent(1023 / 1024.0));
        assertEquals("100.00%", ParityCommand.percent(1));
        assertEquals("99.99%", ParityCommand.percent(0.99999));
        assertEquals("50.00%", ParityCommand.percent(0.5));
    }

    private static List<String> words(String line) {
        return List.of(line.trim().split(" +"));
    }

    private static double percent(String cell) {
        return Double.parseDouble(cell.substring(0, cell.length() - 1));
    }
}
