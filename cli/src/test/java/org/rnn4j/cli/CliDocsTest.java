package org.rnn4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/cli.md shows each command's --help as the command prints it. */
class CliDocsTest {

    /** A section's heading and the first code block that starts with its usage line, before the next section. */
    private static final Pattern SECTION = Pattern.compile("(?m)^## rnn4j ([a-z ]+)\\n(?:(?!## ).*\\n)*?```\\n(Usage: rnn4j \\1 (?s:.*?))```");

    @Test
    void everyHelpBlockIsWhatTheCommandPrints() throws IOException {
        String docs = Files.readString(Cli.repoRoot().resolve("docs").resolve("cli.md"), StandardCharsets.UTF_8);
        Matcher section = SECTION.matcher(docs);
        List<String> checked = new ArrayList<>();
        while (section.find()) {
            List<String> args = new ArrayList<>(List.of(section.group(1).split(" ")));
            args.add("--help");
            assertEquals(Cli.run(args.toArray(String[]::new)).ok().out(), section.group(2), "docs/cli.md, rnn4j " + section.group(1));
            checked.add(section.group(1));
        }
        assertTrue(checked.containsAll(List.of("train", "sample", "eval", "inspect", "embeddings export", "neighbors", "analogy",
                "gradcheck", "plot", "bench", "esn train", "esn eval", "demo", "demo gradients", "demo parity", "classify",
                "classify train", "classify eval", "classify predict", "classify baseline")), "checked " + checked);
    }
}
