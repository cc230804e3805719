package org.rnn4j.cli.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rnn4j.classify.ConfusionMatrix;

/** The confusion matrix PNG: written whole into a new folder, and darker where a row's share is larger. */
class ConfusionMatrixPlotTest {

    @TempDir
    Path temp;

    @Test
    void writesAPngIntoANewFolderWithNothingElse() throws IOException {
        ConfusionMatrix m = new ConfusionMatrix(List.of("robert_frost", "edgar_allan_poe", "sonnets"));
        m.add(0, 0);
        m.add(1, 2);
        Path folder = temp.resolve("run").resolve("eval");
        Path png = ConfusionMatrixPlot.write(folder, m, "a title");
        assertEquals(folder.resolve(ConfusionMatrixPlot.FILE_NAME), png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 3 * 84 && image.getHeight() >= 3 * 84, image.getWidth() + "×" + image.getHeight());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(png), files.toList());
        }
    }

    @Test
    void aCellIsDarkerTheLargerItsShareOfTheRow() {
        ConfusionMatrix m = new ConfusionMatrix(List.of("a", "b", "c"));
        add(m, 0, 0, 9); // row a: 90%, 10%, 0%
        add(m, 0, 1, 1);
        add(m, 1, 1, 1); // row b: 0%, 50%, 50%
        add(m, 1, 2, 1);
        BufferedImage image = ConfusionMatrixPlot.draw(m, "t");
        ConfusionMatrixPlot.Layout layout = ConfusionMatrixPlot.Layout.of(m, "t");
        int[][] brightness = new int[3][3]; // (actual, predicted), sampled in each cell's top-left corner, clear of its text
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                Color color = new Color(image.getRGB(layout.left() + p * ConfusionMatrixPlot.CELL + 4, layout.top() + a * ConfusionMatrixPlot.CELL + 4));
                brightness[a][p] = color.getRed() + color.getGreen() + color.getBlue();
            }
        }
        assertTrue(brightness[0][0] < brightness[1][1], "90% darker than 50%");
        assertTrue(brightness[1][1] < brightness[0][1], "50% darker than 10%");
        assertTrue(brightness[0][1] < brightness[0][2], "10% darker than 0%");
        assertEquals(brightness[1][1], brightness[1][2], "equal shares, equal shades");
        assertEquals(brightness[0][2], brightness[2][0], "an empty row is 0% throughout");
    }

    private static void add(ConfusionMatrix m, int actual, int predicted, int times) {
        for (int i = 0; i < times; i++) {
            m.add(actual, predicted);
        }
    }
}
