package org.rnn4j.esn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.InvalidInputException;

/** A user's CSV: header optional, columns by number or name, and a message with line and column for a bad cell. */
class CsvSeriesTest {

    @TempDir
    Path temp;

    @Test
    void withoutAHeaderTheLastColumnIsTheTarget() throws IOException {
        Series s = CsvSeries.read(csv("1,2,3\n\n4, 5 ,6e-1\n"), List.of(), List.of());
        assertEquals(2, s.steps());
        assertArrayEquals(new double[] {1, 2, 4, 5}, s.u());
        assertArrayEquals(new double[] {3, 0.6}, s.y());
    }

    @Test
    void columnsByNameOrNumber() throws IOException {
        Path file = csv("time,freq,wave\n0,0.1,0.0\n1,0.2,0.5\n");
        Series s = CsvSeries.read(file, List.of("freq"), List.of("3"));
        assertArrayEquals(new double[] {0.1, 0.2}, s.u());
        assertArrayEquals(new double[] {0.0, 0.5}, s.y());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvSeries.read(file, List.of("speed"), List.of()));
        assertEquals("--inputs speed: " + file + " has no such column; give a number from 1 to 3 or one of the names time, freq, wave", e.getMessage());
    }

    @Test
    void aNonNumericCellIsNamedByLineAndColumn() throws IOException {
        Path file = csv("a,b\n1,2\n3,x7\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CsvSeries.read(file, List.of(), List.of()));
        assertEquals(file + " line 3, column 2: \"x7\" is not a number; every cell below the header must be one", e.getMessage());
        Path mixed = csv("1,two\n3,4\n");
        InvalidInputException first = assertThrows(InvalidInputException.class, () -> CsvSeries.read(mixed, List.of(), List.of()));
        assertEquals(mixed + " line 1, column 2: \"two\" is not a number; every cell below the header must be one", first.getMessage());
        Path ragged = csv("1,2\n3\n");
        assertThrows(InvalidInputException.class, () -> CsvSeries.read(ragged, List.of(), List.of()));
        assertThrows(InvalidInputException.class, () -> CsvSeries.read(csv("1,NaN\n"), List.of(), List.of()));
    }

    private Path csv(String text) throws IOException {
        Path file = Files.createTempFile(temp, "data", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
