package org.rnn4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.demo.FeedForwardParity;
import org.rnn4j.demo.ParityTask;
import org.rnn4j.io.AtomicFiles;
import org.rnn4j.kernel.KernelProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j demo parity}: parity of n-bit vectors split into a training and a held-out part, and the table of
 * how well a feed-forward net with one hidden layer of each size learns it.
 */
@Command(name = "parity", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Parity of n-bit vectors, trained on three quarters of all 2^n vectors and scored on the quarter held out: "
                + "first a recurrent labeller reads the bits one per step and labels each step with the parity so far; then, "
                + "for each hidden size H, feed-forward nets with one hidden layer of H tanh units read all n bits at once. "
                + "Prints both and writes the feed-forward table (feed-forward.tsv) and its plot (feed-forward.png) to the --out folder.",
        footer = {"", "The net reads the n bits as +-1 and ends in a softmax over even and odd; each training is Adam at "
                + "learning rate 0.03 on minibatches of 32 for 300 epochs, from a seed of its own. The table gives the best and "
                + "the mean held-out accuracy over the restarts and the mean training accuracy, rounded down, so 100%% means "
                + "every vector."})
final class ParityCommand implements Runnable {

    static final String TABLE_FILE = "feed-forward.tsv";
    static final String PLOT_FILE = "feed-forward.png";

    @Option(names = "--bits", paramLabel = "N", description = "Bits per vector, " + ParityTask.MIN_BITS + " to " + ParityTask.MAX_BITS
            + " (default: ${DEFAULT-VALUE})", defaultValue = "12")
    int bits;

    @Option(names = "--hidden", split = ",", paramLabel = "H", description = "Hidden sizes of the feed-forward nets "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1,2,4,8,16,32,64,128")
    List<Integer> hidden;

    @Option(names = "--restarts", paramLabel = "R", description = "Nets trained per hidden size (default: ${DEFAULT-VALUE})", defaultValue = "3")
    int restarts;

    @Option(names = "--seed", description = "Seed of the split and of the nets (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the table and the plot (default: ${DEFAULT-VALUE})",
            defaultValue = "runs/parity")
    Path out;

    @Mixin
    RecurrentDemoOptions recurrent = new RecurrentDemoOptions();

    @Override
    public void run() {
        recurrent.check();
        ParityTask task = new ParityTask(bits, seed);
        FeedForwardParity.Sweep sweep = new FeedForwardParity.Sweep(hidden, restarts, FeedForwardParity.Training.defaults(), seed);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(out + " is a file; give --out a folder");
        }
        System.out.printf(Locale.ROOT, "data: parity of %d-bit vectors, %d to train on, %d held out (seed %d)%n",
                bits, task.train().size(), task.heldOut().size(), seed);
        recurrent.runAndPrint("parity", ParityTask.TOKENS, ParityTask.CLASSES, task.train(), task.heldOut(), seed);
        feedForward(task, sweep);
    }

    /** The feed-forward part: prints the table a row at a time as each size is done, then writes it and its plot. */
    private void feedForward(ParityTask task, FeedForwardParity.Sweep sweep) {
        FeedForwardParity.Training training = sweep.training();
        System.out.printf(Locale.ROOT, "feed-forward: %d inputs -> H tanh units -> 2; Adam %s, minibatches of %d, %d epochs, %d nets per H%n",
                bits, training.learningRate(), training.batch(), training.epochs(), sweep.restarts());
        System.out.printf(Locale.ROOT, "%12s %15s %15s %15s%n", "hidden units", "held-out best", "held-out mean", "training mean");
        List<FeedForwardParity.Result> results = sweep.run(KernelProvider.kernels(), task, result -> System.out.printf(Locale.ROOT,
                "%12d %15s %15s %15s%n", result.hidden(), percent(result.bestHeldOut()), percent(result.meanHeldOut()),
                percent(result.meanTrain())));
        StringBuilder table = new StringBuilder("hidden\theld_out_best\theld_out_mean\ttrain_mean\n");
        for (FeedForwardParity.Result result : results) {
            table.append(String.format(Locale.ROOT, "%d\t%.6f\t%.6f\t%.6f\n", result.hidden(), result.bestHeldOut(), result.meanHeldOut(),
                    result.meanTrain()));
        }
        AtomicFiles.writeString(out.resolve(TABLE_FILE), table.toString());
        ParityPlot.write(out.resolve(PLOT_FILE), String.format(Locale.ROOT,
                "rnn4j demo parity: feed-forward nets on %d-bit parity, %d held out (seed %d)", bits, task.heldOut().size(), seed), results);
        System.out.println("files: " + out.resolve(TABLE_FILE) + ", " + out.resolve(PLOT_FILE));
    }

    /** A fraction as a percentage with two decimals, rounded down: "99.90%"; "100.00%" only when nothing is missed. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", Math.floor(fraction * 10_000 + 1e-9) / 100);
    }
}
