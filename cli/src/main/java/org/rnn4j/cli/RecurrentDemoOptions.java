package org.rnn4j.cli;

import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.cell.Cells;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.demo.RecurrentLabelling;
import org.rnn4j.kernel.KernelProvider;
import picocli.CommandLine.Option;

/** The recurrent labeller of the parity and addition demonstrations: its options and its printed result. */
final class RecurrentDemoOptions {

    @Option(names = "--rnn-cell", completionCandidates = Cells.Ids.class,
            description = "Cell of the recurrent labeller: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})", defaultValue = "gru")
    String cell = "gru";

    @Option(names = "--rnn-size", description = "Hidden units of the recurrent labeller (default: ${DEFAULT-VALUE})", defaultValue = "4")
    int hidden = 4;

    @Option(names = "--rnn-epochs", description = "Passes of the recurrent labeller over the training sequences (default: ${DEFAULT-VALUE})",
            defaultValue = "40")
    int epochs = 40;

    @Option(names = "--rnn-learning-rate", description = "Adam's learning rate for the recurrent labeller (default: ${DEFAULT-VALUE})",
            defaultValue = "0.03")
    float learningRate = 0.03f;

    /** Refuses settings that cannot train, before the demonstration prints anything. */
    void check() {
        if (hidden < 1 || epochs < 1 || !(learningRate > 0)) {
            throw new InvalidInputException("--rnn-size and --rnn-epochs must be at least 1 and --rnn-learning-rate positive");
        }
        Cells.of(cell);
    }

    /** Trains the labeller on {@code train}, scores {@code heldOut}, and prints what it did and how it scored. */
    RecurrentLabelling.Result runAndPrint(String task, int tokens, int classes, LabelledSequences train, LabelledSequences heldOut, long seed) {
        var setup = new RecurrentLabelling.Setup(Cells.of(cell), hidden, epochs, learningRate, 32, seed);
        System.out.printf(Locale.ROOT, "recurrent: %s labeller, %d units (one-hot input), Adam %s, windows of 32 sequences, %d epochs%n",
                cell, hidden, learningRate, epochs);
        RecurrentLabelling.Result result = RecurrentLabelling.run(setup, KernelProvider.kernels(), tokens, classes, train, heldOut);
        System.out.printf(Locale.ROOT, "recurrent: %,d parameters, %,d steps in %.1f s; training sequences all right %s;"
                        + " held out (%s): steps right %s, sequences all right %s%n",
                result.parameters(), result.steps(), result.seconds(), ParityCommand.percent(result.trainSequenceAccuracy()), task,
                ParityCommand.percent(result.heldOut().stepAccuracy()), ParityCommand.percent(result.heldOut().sequenceAccuracy()));
        return result;
    }
}
