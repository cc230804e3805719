package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.List;
import org.rnn4j.nlp.TokenLevel;
import picocli.CommandLine.Option;

/** The options that say which labelled texts a classify command reads, how it cuts them, and how it splits them. */
public final class DatasetArguments {

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Labelled texts: a TSV file or a folder")
    Path data;

    @Option(names = "--classes", split = ",", paramLabel = "NAME", description = "Keep only these classes (default: all)")
    List<String> classes = List.of();

    @Option(names = "--tokens", paramLabel = "LEVEL", description = "char, word (OpenNLP) or pos (part-of-speech tags) (default: ${DEFAULT-VALUE})",
            defaultValue = "word")
    String tokens;

    @Option(names = "--val-frac", description = "Share of each class held out for validation (default: ${DEFAULT-VALUE})", defaultValue = "0.2")
    double validationFraction;

    /** The dataset options, with the split drawn from {@code seed}. */
    DatasetOptions options(long seed) {
        return new DatasetOptions(data, classes, TokenLevel.fromId(tokens), validationFraction, seed);
    }
}
