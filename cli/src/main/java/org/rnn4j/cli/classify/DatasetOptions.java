package org.rnn4j.cli.classify;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.rnn4j.nlp.TokenLevel;

/**
 * What {@link LabelledDataset#load} reads and how: the data (a {@code label<TAB>text} file or a folder, see
 * {@link org.rnn4j.classify.LabelledTextReader}), the classes to keep (empty: all), the token level, and the
 * stratified validation split's fraction and seed.
 */
public record DatasetOptions(Path data, List<String> classes, TokenLevel level, double validationFraction, long seed) {

    public DatasetOptions {
        Objects.requireNonNull(data, "data");
        classes = List.copyOf(classes);
        Objects.requireNonNull(level, "level");
    }
}
