package org.rnn4j.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rnn4j.Docs;
import org.rnn4j.model.ModelConfig;

/** The registry: ids are unique and parse back, and the docs list every cell as the registry describes it. */
class CellsTest {

    @Test
    void everyIdParsesToItsCell() {
        for (Cell cell : Cells.all()) {
            assertSame(cell, Cells.of(cell.id()));
        }
        assertEquals(Cells.all().size(), Cells.all().stream().map(Cell::id).distinct().count());
    }

    @Test
    void anUnknownIdNamesTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> Cells.of("lstn"));
        assertEquals("unknown cell 'lstn': choose one of " + Cells.ids(), e.getMessage());
    }

    /** MUT1 and MUT2 add x to an H-wide sum: a model whose first layer reads another width is refused. */
    @Test
    void aCellThatAddsItsInputNeedsItAsWideAsItsState() {
        for (String id : List.of("mut1", "mut2")) {
            var e = assertThrows(IllegalArgumentException.class, () -> new ModelConfig(Cells.of(id), 5, 4, 3, 2, 0f));
            assertTrue(e.getMessage().startsWith("cell " + id + " adds its input to its hidden state"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new ModelConfig(Cells.of(id), 5, 0, 3, 2, 0f));
            assertEquals(3, new ModelConfig(Cells.of(id), 5, 3, 3, 2, 0f).hiddenSize());
            assertEquals(5, new ModelConfig(Cells.of(id), 5, 0, 5, 2, 0f).hiddenSize());
        }
        assertEquals(3, new ModelConfig(Cells.of("mut3"), 5, 4, 3, 2, 0f).hiddenSize());
    }

    @Test
    void theCommandLinePageListsEveryCell() {
        List<String> rows = Docs.section("cli.md", "Cells").lines().filter(line -> line.startsWith("| `")).toList();
        assertEquals(Cells.all().size(), rows.size(), String.join("\n", rows));
        for (int i = 0; i < rows.size(); i++) {
            Cell cell = Cells.all().get(i);
            assertTrue(rows.get(i).startsWith("| `" + cell.id() + "` | " + cell.description() + " |"), rows.get(i));
        }
    }
}
