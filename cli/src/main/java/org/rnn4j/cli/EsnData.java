package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.List;
import org.rnn4j.InvalidInputException;
import org.rnn4j.esn.CsvSeries;
import org.rnn4j.esn.Series;
import org.rnn4j.esn.SineTask;
import picocli.CommandLine.Option;

/** The data options of {@code rnn4j esn train} and {@code eval}: the sine task or a user's CSV with its columns. */
final class EsnData {

    static final String SINE = "sine";

    @Option(names = "--task", paramLabel = "NAME", description = "sine: input a slowly varying frequency, target a sine wave of that frequency (default, unless --csv)")
    String task;

    @Option(names = "--csv", paramLabel = "FILE", description = "Your own series: one step per line, comma-separated numbers, header line optional")
    Path csv;

    @Option(names = "--inputs", paramLabel = "COLUMNS", split = ",", description = "CSV input columns, by number from 1 or header name (default: all but the targets)")
    List<String> inputs = List.of();

    @Option(names = "--targets", paramLabel = "COLUMNS", split = ",", description = "CSV target columns (default: the last)")
    List<String> targets = List.of();

    @Option(names = "--steps", description = "Steps of the sine task (default: ${DEFAULT-VALUE})", defaultValue = "7500")
    int steps;

    /** Whether the data is the sine task. */
    boolean sine() {
        if (task != null && csv != null) {
            throw new InvalidInputException("--task and --csv both choose the data; give one of them");
        }
        if (task != null && !task.equals(SINE)) {
            throw new InvalidInputException("unknown --task '" + task + "': the task is sine; give your own data with --csv");
        }
        if (csv == null && (!inputs.isEmpty() || !targets.isEmpty())) {
            throw new InvalidInputException("--inputs and --targets choose columns of a --csv file");
        }
        return csv == null;
    }

    /** The series, from the sine task's phases drawn from {@code seed} or from the CSV file. */
    Series read(long seed) {
        if (sine()) {
            if (steps < 2) {
                throw new InvalidInputException("--steps must be at least 2, got " + steps);
            }
            return SineTask.generate(steps, seed);
        }
        return CsvSeries.read(csv, inputs, targets);
    }

    /** What the data is, for the report: "the sine task (7500 steps, seed 42)" or the CSV's path. */
    String describe(long seed, Series series) {
        return sine() ? "the sine task (" + series.steps() + " steps, seed " + seed + ")"
                : csv + " (" + series.steps() + " steps, " + series.inputs() + " input and " + series.outputs() + " target columns)";
    }
}
