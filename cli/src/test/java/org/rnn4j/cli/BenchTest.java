package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rnn4j bench} through the real command line, with windows short enough for a test. */
class BenchTest {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(\\S+)");

    @Test
    void eachConfigurationEndsWithAResultLineInThePeersFormat() {
        String out = Cli.run("bench", "C1", "C5", "CLS", "--streams", "2", "--warmup", "0", "--window", "0.05",
                "--windows", "3").ok().out();
        List<Map<String, String>> results = out.lines().filter(line -> line.startsWith("RESULT "))
                .map(BenchTest::fields).toList();
        assertEquals(3, results.size(), out);
        assertEquals(List.of("C1", "C5", "CLS"), results.stream().map(r -> r.get("config")).toList());
        for (Map<String, String> result : results) {
            assertEquals("rnn4j", result.get("peer"));
            double median = Double.parseDouble(result.get("tokens_per_s"));
            assertTrue(Double.parseDouble(result.get("min")) <= median && median <= Double.parseDouble(result.get("max")),
                    result::toString);
            assertTrue(median > 0, result::toString);
            double flopsPerToken = BenchConfig.valueOf(result.get("config")).flopsPerToken();
            // both printed to one decimal: gflops within 0.05 of the work of the median, itself within 0.05 tokens/s
            assertEquals(median * flopsPerToken / 1e9, Double.parseDouble(result.get("gflops")), 0.05 + 0.05 * flopsPerToken / 1e9 + 1e-9,
                    () -> "gflops is the median's work: " + result);
            assertTrue(result.get("windows").startsWith("3x"), result::toString);
        }
        assertEquals("2", results.get(1).get("streams"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            --windows | 0   | --windows and --streams must be at least 1
            --streams | 0   | --windows and --streams must be at least 1
            --window  | 0   | --window positive
            C9        | C9  | C9
            """)
    void nonsenseOptionsAreRefused(String option, String value, String message) {
        var result = option.startsWith("--") ? Cli.run("bench", option, value) : Cli.run("bench", value);
        BadInputTest.assertRefused(result, 2, message);
    }

    private static Map<String, String> fields(String line) {
        Matcher m = FIELD.matcher(line);
        return m.results().collect(Collectors.toMap(r -> r.group(1), r -> r.group(2)));
    }
}
