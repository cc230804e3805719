package org.rnn4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.Cells;
import org.rnn4j.demo.VanishingGradients;
import org.rnn4j.kernel.KernelProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rnn4j demo gradients}: ‖dL/dh_{T−k}‖ against k for vanilla RNNs and an LSTM at several spectral radii of W_hh. */
@Command(name = "gradients", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Vanishing and exploding gradients: the norm of dL/dh_{T-k} for k = 0..50 through one recurrent layer "
                + "(rnn-sigmoid, rnn, rnn-relu, lstm), with W_hh random and scaled to each spectral radius, "
                + "from the layers' own backward pass.",
        footer = {"", "L = u.h_T for a fixed random unit vector u; the input is random. Each of the LSTM's four (H, H) blocks "
                + "of W_hh (gates i, f, g, o) is scaled to the radius. A norm below float's range prints as 0 and leaves the plot."})
final class GradientsCommand implements Runnable {

    /** K. */
    static final int LAGS = 50;
    private static final int EVERY = 5;
    private static final List<String> CELLS = List.of("rnn-sigmoid", "rnn", "rnn-relu", "lstm");

    @Option(names = "--radius", split = ",", paramLabel = "RHO", description = "Spectral radii of W_hh (default: ${DEFAULT-VALUE})",
            defaultValue = "0.5,1,1.5")
    List<Double> radii;

    @Option(names = "--hidden", paramLabel = "H", description = "Hidden size (default: ${DEFAULT-VALUE})", defaultValue = "64")
    int hidden;

    @Option(names = "--forget-bias", description = "LSTM forget-gate bias; the other biases are 0 (default: ${DEFAULT-VALUE})",
            defaultValue = "0")
    float forgetBias;

    @Option(names = "--seed", description = "Seed of the weights, inputs and u (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "PNG of the norms on a log scale (default: ${DEFAULT-VALUE})",
            defaultValue = "gradients.png")
    Path out;

    @Override
    public void run() {
        VanishingGradients demo = new VanishingGradients(KernelProvider.kernels(), new VanishingGradients.Setup(hidden, LAGS, forgetBias, seed));
        List<Cell> cells = CELLS.stream().map(Cells::of).toList();
        List<VanishingGradients.Curve> curves = demo.measure(cells, radii);
        GradientsPlot.write(out, String.format(Locale.ROOT, "rnn4j demo gradients: ||dL/dh_{T-k}||, H = %d, LSTM forget bias %s, seed %d",
                hidden, forgetBias, seed),
                curves, radii.size());
        System.out.print(table(curves));
        System.out.println("plot: " + out);
    }

    /** k = 0, 5, …, 50 down, one column per curve (cell over ρ), norms in scientific notation, then the fitted slope. */
    static String table(List<VanishingGradients.Curve> curves) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%5s", ""));
        for (VanishingGradients.Curve curve : curves) {
            table.append(String.format(Locale.ROOT, " %12s", curve.cell().id()));
        }
        table.append(String.format(Locale.ROOT, "%n%5s", "k"));
        for (VanishingGradients.Curve curve : curves) {
            table.append(String.format(Locale.ROOT, " %12s", curve.radiusText()));
        }
        table.append(System.lineSeparator());
        for (int k = 0; k <= LAGS; k += EVERY) {
            table.append(String.format(Locale.ROOT, "%5d", k));
            for (VanishingGradients.Curve curve : curves) {
                table.append(String.format(Locale.ROOT, " %12.2e", curve.norms()[k]));
            }
            table.append(System.lineSeparator());
        }
        table.append(String.format(Locale.ROOT, "%5s", "slope"));
        for (VanishingGradients.Curve curve : curves) {
            table.append(String.format(Locale.ROOT, " %12.3f", curve.slope()));
        }
        return table.append(System.lineSeparator()).toString();
    }
}
