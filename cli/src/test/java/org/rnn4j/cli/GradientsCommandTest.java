package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rnn4j demo gradients}: the table, the plot, and the refusals that write nothing. */
class GradientsCommandTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path temp;

    @Test
    void printsANormPerFifthLagAndConfigurationAndWritesThePlot() throws IOException {
        Path png = temp.resolve("gradients.png");
        String printed = Cli.run("demo", "gradients", "--hidden", "16", "--radius", "0.5,1.5", "--seed", "2",
                "--out", png.toString()).ok().out();
        List<String> lines = printed.lines().toList();
        assertEquals(List.of("rnn-sigmoid", "rnn-sigmoid", "rnn", "rnn", "rnn-relu", "rnn-relu", "lstm", "lstm"),
                Arrays.asList(lines.get(0).trim().split(" +")), printed);
        assertEquals("k ρ=0.5 ρ=1.5 ρ=0.5 ρ=1.5 ρ=0.5 ρ=1.5 ρ=0.5 ρ=1.5", lines.get(1).trim().replaceAll(" +", " "), printed);
        for (int row = 0; row <= 10; row++) {
            String[] cells = lines.get(2 + row).trim().split(" +");
            assertEquals(String.valueOf(5 * row), cells[0], printed);
            assertEquals(9, cells.length, printed);
            assertTrue(Arrays.stream(cells).skip(1).allMatch(cell -> cell.matches("\\d\\.\\d\\de[+-]\\d\\d")), printed);
        }
        assertTrue(lines.get(2).endsWith("1.00e+00"), printed);
        assertTrue(lines.get(13).startsWith("slope"), printed);
        assertEquals("plot: " + png, lines.get(14));
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png), PNG_SIGNATURE.length));
        assertEquals(List.of(), Cli.temporaryFiles(temp));
    }

    @Test
    void badSettingsAreOneLineAndWriteNothing() {
        Path png = temp.resolve("never.png");
        for (String[] bad : List.of(new String[] {"--radius", "0"}, new String[] {"--radius", "1,-1"},
                new String[] {"--hidden", "0"}, new String[] {"--hidden", "5000"})) {
            List<String> args = new ArrayList<>(List.of("demo", "gradients", "--out", png.toString()));
            args.addAll(List.of(bad));
            Cli.Result result = Cli.run(args.toArray(String[]::new));
            assertEquals(Main.BAD_INPUT, result.exitCode(), String.join(" ", bad));
            assertEquals(1, result.errLines().size(), result.err());
            assertFalse(Files.exists(png), String.join(" ", bad));
        }
    }
}
