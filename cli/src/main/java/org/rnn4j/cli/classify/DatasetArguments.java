package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rnn4j.InvalidInputException;
import org.rnn4j.nlp.TokenLevel;
import picocli.CommandLine.Option;

/** The options that say which labelled texts a classify command reads, how it cuts them, and how it splits them. */
public final class DatasetArguments {

    @Option(names = "--data", paramLabel = "PATH", description = "Labelled texts: a TSV file or a folder (required)")
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
        if (data == null) {
            throw new InvalidInputException("give the labelled texts with --data PATH");
        }
        return new DatasetOptions(data, classes, TokenLevel.fromId(tokens), validationFraction, seed);
    }

    /** What a run records of its data so that {@code --resume} reads the same texts the same way. */
    static Map<String, Object> record(DatasetOptions options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", options.data().toAbsolutePath().toString());
        json.put("classes", options.classes());
        json.put("validation_fraction", options.validationFraction());
        return json;
    }

    /** The options {@link #record} recorded, at {@code level}, split by {@code seed}. */
    static DatasetOptions recorded(Map<String, Object> json, TokenLevel level, long seed) {
        List<String> classes = ((List<?>) json.get("classes")).stream().map(String::valueOf).toList();
        return new DatasetOptions(Path.of((String) json.get("path")), classes, level, ((Number) json.get("validation_fraction")).doubleValue(),
                seed);
    }
}
