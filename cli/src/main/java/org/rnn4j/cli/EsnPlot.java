package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.esn.Series;
import org.rnn4j.io.AtomicFiles;

/** The PNG of an echo state network's held-out stretch: target and output (and a baseline's output) against step. */
final class EsnPlot {

    private static final int MAX_TARGETS = 3; // more columns would crowd the picture

    private EsnPlot() {
    }

    /**
     * Writes {@code png} atomically: for each of the first targets, the target, the network's output (T, L)
     * and, when given, the baseline's output (T, L), over the steps from {@code from}, numbered from {@code firstStep}.
     */
    static void write(Path png, String title, Series series, int from, int firstStep, double[] output, double[] baseline) {
        int l = series.outputs();
        double[] steps = IntStream.range(from, series.steps()).mapToDouble(t -> firstStep + t).toArray();
        XYChart chart = new XYChartBuilder().width(1000).height(260 + 140 * Math.min(l, MAX_TARGETS)).title(title)
                .xAxisTitle("step").yAxisTitle("value").build();
        chart.getStyler().setMarkerSize(0);
        for (int k = 0; k < Math.min(l, MAX_TARGETS); k++) {
            String suffix = l == 1 ? "" : " " + (k + 1);
            chart.addSeries("target" + suffix, steps, column(series.y(), l, k, from)).setMarker(SeriesMarkers.NONE);
            chart.addSeries("ESN output" + suffix, steps, column(output, l, k, from)).setMarker(SeriesMarkers.NONE);
            if (baseline != null) {
                chart.addSeries("ridge on the raw input" + suffix, steps, column(baseline, l, k, from)).setMarker(SeriesMarkers.NONE);
            }
        }
        ImageIO.setUseCache(false);
        AtomicFiles.writeStream(png, stream -> BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG));
    }

    /** Column k of a (T, L) array from step {@code from} on. */
    private static double[] column(double[] values, int l, int k, int from) {
        return IntStream.range(from, values.length / l).mapToDouble(t -> values[t * l + k]).toArray();
    }
}
