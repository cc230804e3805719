package org.rnn4j.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.io.Json;
import org.rnn4j.train.MetricsLog;

/** The loss-curve PNG of a run: training loss, its smooth average and validation loss against step, drawn with XChart. */
final class LossPlot {

    static final String FILE_NAME = "loss.png";

    private LossPlot() {
    }

    /** Reads {@code folder}/metrics.jsonl and writes {@code folder}/loss.png atomically; returns the PNG. */
    static Path write(Path folder) {
        Curves curves = Curves.read(folder);
        if (curves.empty()) {
            throw new InvalidInputException(folder.resolve(MetricsLog.FILE_NAME) + " has no losses yet; train for at least one logged step");
        }
        return draw(folder, curves);
    }

    /** The end of a training run: the plot, or a note on {@code out} when the run logged no loss to draw. */
    static void writeAfterRun(Path folder, PrintStream out) {
        Curves curves = Curves.read(folder);
        if (curves.empty()) {
            out.println("note: no loss plot: the run logged no loss (one is logged every --log-every steps and at each validation)");
            return;
        }
        draw(folder, curves);
    }

    /** The losses of a metrics log: training (raw and smooth) and validation, each against its steps. */
    record Curves(List<Double> trainSteps, List<Double> trainLoss, List<Double> smoothLoss,
                          List<Double> validationSteps, List<Double> validationLoss) {

        static Curves read(Path folder) {
            Path metrics = folder.resolve(MetricsLog.FILE_NAME);
            List<String> lines;
            try {
                lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new InvalidInputException("no " + MetricsLog.FILE_NAME + " in " + folder + "; give the folder of a training run");
            } catch (IOException e) {
                throw new InvalidInputException("cannot read " + metrics + ": " + e.getMessage());
            }
            Curves curves = new Curves(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                Map<String, Object> record;
                try {
                    record = Json.parseObject(lines.get(i));
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(metrics + " line " + (i + 1) + ": " + e.getMessage());
                }
                if (!(record.get("step") instanceof Number number)) {
                    throw new InvalidInputException(metrics + " line " + (i + 1) + ": a record without a step; is this the metrics.jsonl of a run?");
                }
                double step = number.doubleValue();
                if (record.get("smooth_loss") instanceof Number smooth && record.get("train_loss") instanceof Number train) {
                    curves.trainSteps.add(step);
                    curves.trainLoss.add(train.doubleValue());
                    curves.smoothLoss.add(smooth.doubleValue());
                }
                if (record.get("val_loss") instanceof Number validation) {
                    curves.validationSteps.add(step);
                    curves.validationLoss.add(validation.doubleValue());
                }
            }
            return curves;
        }

        boolean empty() {
            return trainSteps.isEmpty() && validationSteps.isEmpty();
        }
    }

    private static Path draw(Path folder, Curves curves) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("rnn4j: " + folder.getFileName())
                .xAxisTitle("step").yAxisTitle("loss (nats per token)").build();
        chart.getStyler().setMarkerSize(5);
        if (!curves.trainSteps.isEmpty()) {
            chart.addSeries("train", curves.trainSteps, curves.trainLoss).setMarker(SeriesMarkers.NONE);
            chart.addSeries("train (smooth: 0.999 moving average)", curves.trainSteps, curves.smoothLoss).setMarker(SeriesMarkers.NONE);
        }
        if (!curves.validationSteps.isEmpty()) {
            chart.addSeries("validation", curves.validationSteps, curves.validationLoss).setMarker(SeriesMarkers.CIRCLE);
        }
        Path png = folder.resolve(FILE_NAME);
        // ImageIO's default file cache registers a shutdown hook, which fails when Ctrl-C ends a run
        ImageIO.setUseCache(false);
        AtomicFiles.writeStream(png, stream -> BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG));
        return png;
    }
}
