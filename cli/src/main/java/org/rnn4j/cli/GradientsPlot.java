package org.rnn4j.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.demo.VanishingGradients;
import org.rnn4j.io.AtomicFiles;

/** The PNG of gradient norms against lag on a log scale: one colour per cell, one line style per spectral radius. */
final class GradientsPlot {

    private static final Color[] COLORS = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C), new Color(0x9467BD),
        new Color(0xFF7F0E), new Color(0x8C564B)};
    private static final BasicStroke[] LINES = {stroke(), stroke(12f, 6f), stroke(3f, 3f), stroke(12f, 4f, 2f, 4f)};

    private GradientsPlot() {
    }

    /** A 2-pixel line, solid or with the given dash pattern. */
    private static BasicStroke stroke(float... dashes) {
        return dashes.length == 0 ? new BasicStroke(2f)
                : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f);
    }

    /** Writes {@code png} atomically; {@code curves} come cell by cell, {@code radii} per cell; zero norms are left out. */
    static void write(Path png, String title, List<VanishingGradients.Curve> curves, int radii) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
                .xAxisTitle("k (steps back from the loss)").yAxisTitle("||dL/dh_{T-k}||").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setPlotGridLinesVisible(false);
        for (int i = 0; i < curves.size(); i++) {
            VanishingGradients.Curve curve = curves.get(i);
            List<Double> lags = new ArrayList<>();
            List<Double> norms = new ArrayList<>();
            for (int k = 0; k < curve.norms().length; k++) {
                if (curve.norms()[k] > 0) {
                    lags.add((double) k);
                    norms.add(curve.norms()[k]);
                }
            }
            XYSeries series = chart.addSeries(curve.label(), lags, norms);
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(COLORS[i / radii % COLORS.length]);
            series.setLineStyle(LINES[i % radii % LINES.length]);
        }
        ImageIO.setUseCache(false);
        AtomicFiles.writeStream(png, stream -> BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG));
    }
}
