package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.demo.FeedForwardParity;
import org.rnn4j.io.AtomicFiles;

/** The PNG of the feed-forward parity table: accuracy in percent against hidden units on a log scale. */
final class ParityPlot {

    private ParityPlot() {
    }

    /** Writes {@code png} atomically: the held-out best and mean and the training mean of each size. */
    static void write(Path png, String title, List<FeedForwardParity.Result> results) {
        double[] hidden = results.stream().mapToDouble(FeedForwardParity.Result::hidden).toArray();
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title)
                .xAxisTitle("hidden units").yAxisTitle("accuracy (%)").build();
        chart.getStyler().setXAxisLogarithmic(results.size() > 1); // a single size spans no range to take the log of
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.addSeries("held out, best", hidden, percent(results.stream().mapToDouble(FeedForwardParity.Result::bestHeldOut).toArray()))
                .setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("held out, mean", hidden, percent(results.stream().mapToDouble(FeedForwardParity.Result::meanHeldOut).toArray()))
                .setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("training, mean", hidden, percent(results.stream().mapToDouble(FeedForwardParity.Result::meanTrain).toArray()))
                .setMarker(SeriesMarkers.SQUARE);
        ImageIO.setUseCache(false);
        AtomicFiles.writeStream(png, stream -> BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG));
    }

    private static double[] percent(double[] fractions) {
        double[] percent = new double[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            percent[i] = 100 * fractions[i];
        }
        return percent;
    }
}
