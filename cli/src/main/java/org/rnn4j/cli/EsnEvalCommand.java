package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.esn.EchoStateNetwork;
import org.rnn4j.esn.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rnn4j esn eval}: runs a saved echo state network over a series and reports its NRMSE after the washout. */
@Command(name = "eval", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a saved echo state network over a series from the zero state and report its NRMSE after the washout.",
        footer = {"", "A network with output feedback is fed the targets during the washout and its own output after it."})
final class EsnEvalCommand implements Runnable {

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Network written by rnn4j esn train")
    Path model;

    @Mixin
    EsnData data;

    @Option(names = "--seed", description = "Seed of the sine task's frequency course (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write a PNG of target and output after the washout")
    Path plot;

    @Override
    public void run() {
        Series series = data.read(seed);
        EchoStateNetwork esn = EchoStateNetwork.load(model);
        int washout = esn.config().washout();
        series.requireLongerThan(washout, "the data");
        if (!esn.fitted()) {
            throw new InvalidInputException(model + " has no fitted read-out (no W_out); fit one with rnn4j esn train");
        }
        double[] output = esn.predict(series, esn.zeroState(), washout);
        double error = series.nrmse(output, washout);
        if (plot != null) {
            EsnPlot.write(plot, String.format(Locale.ROOT, "rnn4j esn eval: NRMSE %.4f", error), series, washout, 0, output, null);
        }
        System.out.printf(Locale.ROOT, "data: %s%n", data.describe(seed, series));
        System.out.printf(Locale.ROOT, "NRMSE %.4f over steps %d-%d (after a washout of %d steps%s)%n", error, washout,
                series.steps() - 1, washout, esn.config().feedback() ? " fed the targets; running free after it" : "");
        if (plot != null) {
            System.out.println("plot: " + plot);
        }
    }
}
