package org.rnn4j.esn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.rnn4j.InvalidInputException;

/**
 * A time series from a CSV file: one step per line, comma-separated numbers, blank lines skipped. The first
 * line is a header when none of its cells is a number. Columns are chosen by 1-based number or, with a
 * header, by name; by default the last column is the target and all others are inputs.
 */
public final class CsvSeries {

    /** A finite decimal number such as 3, -0.5 or 1e-3: no NaN, Infinity or hexadecimal. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvSeries() {
    }

    /** The series of {@code file} with the given input and target columns (empty lists: the defaults). */
    public static Series read(Path file, List<String> inputColumns, List<String> targetColumns) {
        List<String> lines;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = reader.lines().toList();
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such file; check the path");
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new InvalidInputException(file + ": cannot read it as UTF-8 text (" + (cause instanceof CharacterCodingException
                    ? "invalid UTF-8" : cause.getMessage()) + "); give a CSV file of numbers");
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new InvalidInputException(file + " has no data; give a CSV file with a row of numbers per step");
        }
        String[] firstCells = cells(lines.get(first));
        List<String> header = null;
        if (Arrays.stream(firstCells).noneMatch(CsvSeries::isNumber)) {
            header = Arrays.stream(firstCells).map(String::strip).toList();
            first++;
        }
        int width = firstCells.length;
        if (width < 2 && (inputColumns.isEmpty() || targetColumns.isEmpty())) {
            throw new InvalidInputException(file + " has " + width + " column; it needs an input and a target column");
        }
        int[] targets = targetColumns.isEmpty() ? new int[] {width - 1} : columns(file, targetColumns, header, width, "--targets");
        int[] inputs = inputColumns.isEmpty() ? others(width, targets) : columns(file, inputColumns, header, width, "--inputs");
        List<double[]> rows = new ArrayList<>();
        for (int i = first; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = cells(lines.get(i));
            if (cells.length != width) {
                throw new InvalidInputException(file + " line " + (i + 1) + " has " + cells.length + " cells where the first row has "
                        + width + "; every row needs the same columns");
            }
            double[] row = new double[width];
            for (int c = 0; c < width; c++) {
                String cell = cells[c].strip();
                if (!isNumber(cell)) {
                    throw new InvalidInputException(file + " line " + (i + 1) + ", column " + (c + 1) + ": \"" + cell
                            + "\" is not a number; every cell below the header must be one");
                }
                row[c] = Double.parseDouble(cell);
            }
            rows.add(row);
        }
        int steps = rows.size();
        double[] u = new double[steps * inputs.length];
        double[] y = new double[steps * targets.length];
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < inputs.length; k++) {
                u[t * inputs.length + k] = rows.get(t)[inputs[k]];
            }
            for (int k = 0; k < targets.length; k++) {
                y[t * targets.length + k] = rows.get(t)[targets[k]];
            }
        }
        return new Series(steps, inputs.length, targets.length, u, y);
    }

    private static String[] cells(String line) {
        return line.split(",", -1);
    }

    /** A finite decimal number such as 3, -0.5 or 1e-3 (not NaN, not Infinity, not hexadecimal). */
    private static boolean isNumber(String cell) {
        String text = cell.strip();
        if (text.isEmpty() || !NUMBER.matcher(text).matches()) {
            return false;
        }
        return Double.isFinite(Double.parseDouble(text));
    }

    /** 0-based indices of columns given by 1-based number or header name. */
    private static int[] columns(Path file, List<String> names, List<String> header, int width, String option) {
        int[] indices = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            int index = header == null ? -1 : header.indexOf(name);
            if (index < 0 && name.matches("\\d+")) {
                index = Integer.parseInt(name) - 1;
            }
            if (index < 0 || index >= width) {
                throw new InvalidInputException(option + " " + name + ": " + file + " has no such column; give a number from 1 to " + width
                        + (header == null ? "" : " or one of the names " + String.join(", ", header)));
            }
            indices[i] = index;
        }
        return indices;
    }

    private static int[] others(int width, int[] targets) {
        return IntStream.range(0, width).filter(c -> Arrays.stream(targets).noneMatch(t -> t == c)).toArray();
    }
}
