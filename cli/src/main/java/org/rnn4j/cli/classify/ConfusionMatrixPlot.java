package org.rnn4j.cli.classify;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.rnn4j.classify.ConfusionMatrix;
import org.rnn4j.io.AtomicFiles;

/**
 * The picture of a confusion matrix, drawn with java.awt: a row per actual class (class order, top down), a
 * column per predicted class, each cell shaded by its share of its row (the class's recall on the diagonal)
 * and labelled with its count and that share.
 */
public final class ConfusionMatrixPlot {

    public static final String FILE_NAME = "confusion.png";

    static final int CELL = 84;       // pixels per class along each axis
    private static final int PAD = 16;
    private static final Color LIGHT = new Color(0xF7FBFF);
    private static final Color DARK = new Color(0x08306B);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font COUNT_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font SHARE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private ConfusionMatrixPlot() {
    }

    /** Writes {@code folder}/{@value #FILE_NAME} atomically (the folder is created if missing); returns its path. */
    public static Path write(Path folder, ConfusionMatrix matrix, String title) {
        BufferedImage image = draw(matrix, title);
        Path png = folder.resolve(FILE_NAME);
        ImageIO.setUseCache(false); // ImageIO's file cache registers a shutdown hook, which fails when Ctrl-C ends a run
        AtomicFiles.writeStream(png, stream -> ImageIO.write(image, "png", stream));
        return png;
    }

    /** Where things go: the grid's top-left corner at (left, top), CELL pixels per class, and the image size. */
    record Layout(int left, int top, int width, int height) {

        static Layout of(ConfusionMatrix matrix, String title) {
            FontMetrics labels = metrics(LABEL_FONT);
            FontMetrics titles = metrics(TITLE_FONT);
            int labelWidth = matrix.labels().stream().mapToInt(labels::stringWidth).max().orElse(0);
            int left = PAD + labels.getHeight() + PAD + labelWidth + PAD;   // "actual class", then the row labels
            int top = PAD + titles.getHeight() + PAD;
            int grid = matrix.classes() * CELL;
            int bottom = PAD + labelWidth + PAD + labels.getHeight() + PAD; // column labels upright, then "predicted class"
            return new Layout(left, top, Math.max(left + grid + PAD, PAD + titles.stringWidth(title) + PAD), top + grid + bottom);
        }
    }

    static BufferedImage draw(ConfusionMatrix matrix, String title) {
        int c = matrix.classes();
        Layout layout = Layout.of(matrix, title);
        int left = layout.left();
        int top = layout.top();
        int grid = c * CELL;
        int width = layout.width();
        int height = layout.height();
        FontMetrics labels = metrics(LABEL_FONT);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(title, PAD, PAD + g.getFontMetrics().getAscent());

            for (int a = 0; a < c; a++) {
                long support = matrix.support(a);
                for (int p = 0; p < c; p++) {
                    double share = support == 0 ? 0 : (double) matrix.count(a, p) / support;
                    int x = left + p * CELL;
                    int y = top + a * CELL;
                    g.setColor(blend(share));
                    g.fillRect(x, y, CELL, CELL);
                    g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                    centered(g, COUNT_FONT, Long.toString(matrix.count(a, p)), x + CELL / 2, y + CELL / 2 - 2);
                    centered(g, SHARE_FONT, String.format(Locale.ROOT, "%.0f%%", 100 * share), x + CELL / 2, y + CELL / 2 + 18);
                }
            }
            g.setColor(Color.GRAY);
            for (int k = 0; k <= c; k++) {
                g.drawLine(left, top + k * CELL, left + grid, top + k * CELL);
                g.drawLine(left + k * CELL, top, left + k * CELL, top + grid);
            }

            g.setColor(Color.BLACK);
            g.setFont(LABEL_FONT);
            for (int k = 0; k < c; k++) {
                String label = matrix.labels().get(k);
                // row label right-aligned before its row
                g.drawString(label, left - PAD - labels.stringWidth(label), top + k * CELL + CELL / 2 + labels.getAscent() / 2 - 2);
                // column label read bottom-up below its column
                AffineTransform saved = g.getTransform();
                g.translate(left + k * CELL + CELL / 2 + labels.getAscent() / 2 - 2, top + grid + PAD + labels.stringWidth(label));
                g.rotate(-Math.PI / 2);
                g.drawString(label, 0, 0);
                g.setTransform(saved);
            }
            centered(g, LABEL_FONT, "predicted class", left + grid / 2, height - PAD - labels.getDescent());
            AffineTransform saved = g.getTransform();
            g.translate(PAD + labels.getAscent(), top + grid / 2);
            g.rotate(-Math.PI / 2);
            centered(g, LABEL_FONT, "actual class", 0, 0);
            g.setTransform(saved);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** White at share 0 to dark blue at share 1. */
    private static Color blend(double share) {
        return new Color(mix(LIGHT.getRed(), DARK.getRed(), share), mix(LIGHT.getGreen(), DARK.getGreen(), share),
                mix(LIGHT.getBlue(), DARK.getBlue(), share));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    /** Draws {@code text} centred on x, with its baseline at y. */
    private static void centered(Graphics2D g, Font font, String text, int x, int y) {
        g.setFont(font);
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }
}
