package org.rnn4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.esn.EchoStateNetwork;
import org.rnn4j.esn.EsnConfig;
import org.rnn4j.esn.InputRidge;
import org.rnn4j.esn.Series;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j esn train}: makes a reservoir, fits its read-out on the first part of the data and reports the
 * NRMSE on the held-out rest, beside a ridge regression on the raw input; writes the network and a plot.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Fit an echo state network's read-out on the first part of a series and report the NRMSE on the held-out rest,"
                + " beside a ridge regression on the raw input. Writes esn.safetensors and prediction.png to the --out folder.",
        footer = {"", "With output feedback (the sine task's default) the targets are fed back while fitting, and on the held-out"
                + " stretch the network feeds back its own output: it runs free, from the state the training part left."})
final class EsnTrainCommand implements Runnable {

    static final String MODEL_FILE = "esn.safetensors";
    static final String PLOT_FILE = "prediction.png";

    @Mixin
    EsnData data;

    @Option(names = "--train-frac", description = "Fraction of the steps the read-out is fitted on; the rest is held out (default: ${DEFAULT-VALUE})", defaultValue = "0.8")
    double trainFrac;

    @Option(names = "--reservoir", description = "Reservoir units N (default: ${DEFAULT-VALUE})", defaultValue = "300")
    int reservoir;

    @Option(names = "--connectivity", description = "Fraction of non-zero reservoir weights (default: ${DEFAULT-VALUE})", defaultValue = "0.1")
    double connectivity;

    @Option(names = "--spectral-radius", description = "Largest eigenvalue magnitude W is scaled to (default: ${DEFAULT-VALUE})", defaultValue = "0.8")
    double spectralRadius;

    @Option(names = "--input-scaling", description = "Input weights uniform in ±this (default: ${DEFAULT-VALUE})", defaultValue = "1")
    double inputScaling;

    @Option(names = "--input-bias", description = "Bias weights uniform in ±this (default: ${DEFAULT-VALUE})", defaultValue = "0.2")
    double inputBias;

    @Option(names = "--feedback", paramLabel = "SCALE", description = "Output feedback weights uniform in ±SCALE; 0 = none (default: 0.1 for the sine task, 0 for --csv)")
    Double feedback;

    @Option(names = "--leak-rate", description = "Leak rate a: x = (1-a)·x + a·x̃ (default: ${DEFAULT-VALUE})", defaultValue = "0.3")
    double leakRate;

    @Option(names = "--washout", description = "Steps that only warm the state up (default: ${DEFAULT-VALUE})", defaultValue = "200")
    int washout;

    @Option(names = "--ridge", description = "Ridge regression λ (default: ${DEFAULT-VALUE})", defaultValue = "1e-8")
    double ridge;

    @Option(names = "--noise", description = "State noise while fitting, which steadies a free-running network (default: ${DEFAULT-VALUE})", defaultValue = "1e-5")
    double noise;

    @Option(names = "--seed", description = "Seed of the reservoir and of the sine task (default: ${DEFAULT-VALUE})", defaultValue = "42")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for esn.safetensors and prediction.png (default: runs/esn-<time>)")
    Path out;

    @Override
    public void run() {
        Series series = data.read(seed);
        if (!(trainFrac > 0 && trainFrac < 1)) {
            throw new InvalidInputException("--train-frac must be between 0 and 1 (exclusive), got " + trainFrac);
        }
        int trainSteps = (int) Math.round(series.steps() * trainFrac);
        if (trainSteps >= series.steps()) {
            throw new InvalidInputException("--train-frac " + trainFrac + " of " + series.steps() + " steps leaves none held out; lower it");
        }
        Series train = series.slice(0, trainSteps);
        Series test = series.slice(trainSteps, series.steps());
        train.requireLongerThan(washout, "the training part (--train-frac " + trainFrac + " of " + series.steps() + " steps)");
        double feedbackScale = feedback != null ? feedback : data.sine() ? 0.1 : 0;
        EsnConfig config = new EsnConfig(series.inputs(), reservoir, series.outputs(), connectivity, spectralRadius, inputScaling,
                inputBias, feedbackScale, leakRate, washout, ridge, noise, seed);
        HeapCheck.require(config.memory(trainSteps - washout), "to make and fit it", "choose a smaller --reservoir or --connectivity, or fewer steps");
        Path folder = out != null ? out : TrainingRun.defaultFolder("esn");
        if (Files.exists(folder.resolve(MODEL_FILE))) {
            throw new InvalidInputException(folder + " already holds " + MODEL_FILE + "; choose another --out folder");
        }

        EchoStateNetwork esn = EchoStateNetwork.create(config);
        double[] output = esn.predict(test, esn.fit(train), 0); // (T', L), continuing from the training part's state
        double[] baseline = InputRidge.predict(train, test, washout, ridge);
        double error = test.nrmse(output, 0);
        double baselineError = test.nrmse(baseline, 0);
        esn.save(folder.resolve(MODEL_FILE));
        EsnPlot.write(folder.resolve(PLOT_FILE), String.format(Locale.ROOT, "rnn4j esn: held-out NRMSE %.4f (ridge on the raw input %.4f)",
                error, baselineError), test, 0, trainSteps, output, baseline);

        System.out.printf(Locale.ROOT, "esn: %d units, connectivity %s, spectral radius %.6f (power iteration), leak rate %s, feedback %s%n",
                reservoir, connectivity, esn.spectralRadius(), leakRate, feedbackScale > 0 ? "±" + feedbackScale : "none");
        System.out.printf(Locale.ROOT, "data: %s; fitted on steps 0-%d (washout %d), held out %d-%d%s%n", data.describe(seed, series),
                trainSteps - 1, washout, trainSteps, series.steps() - 1, config.feedback() ? ", running free" : "");
        System.out.printf(Locale.ROOT, "held-out NRMSE: ESN %.4f, ridge on the raw input %.4f (%.1f× the ESN's)%n",
                error, baselineError, baselineError / error);
        System.out.println("files: " + folder.resolve(MODEL_FILE) + ", " + folder.resolve(PLOT_FILE));
    }
}
