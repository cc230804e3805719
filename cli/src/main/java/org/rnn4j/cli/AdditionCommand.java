package org.rnn4j.cli;

import java.util.Locale;
import org.rnn4j.demo.BinaryAdditionTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rnn4j demo addition}: binary addition learnt bit by bit by a recurrent labeller, and scored on numbers
 * longer than any it trained on.
 */
@Command(name = "addition", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Binary addition, bit by bit: a recurrent labeller reads the bits of two numbers a pair per step, least "
                + "significant first, and labels each step with that bit of their sum; it trains on --train-bits numbers and is "
                + "scored on --test-bits numbers, lengths it never saw.",
        footer = {"", "Step i reads one of four tokens, 2*a_i + b_i; one more step reads 0 so that the last carry comes out."
                + " The held-out pairs differ from the training pairs."})
final class AdditionCommand implements Runnable {

    @Option(names = "--train-bits", paramLabel = "N", description = "Bits of the training numbers (default: ${DEFAULT-VALUE})", defaultValue = "8")
    int trainBits;

    @Option(names = "--test-bits", paramLabel = "N", description = "Bits of the held-out numbers (default: ${DEFAULT-VALUE})", defaultValue = "16")
    int testBits;

    @Option(names = "--pairs", paramLabel = "P", description = "Pairs to train on and pairs held out (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int pairs;

    @Option(names = "--seed", description = "Seed of the pairs and of the labeller (default: ${DEFAULT-VALUE})", defaultValue = "1")
    long seed;

    @Mixin
    RecurrentDemoOptions recurrent = new RecurrentDemoOptions();

    @Override
    public void run() {
        recurrent.check();
        BinaryAdditionTask task = new BinaryAdditionTask(new BinaryAdditionTask.Setup(trainBits, pairs, testBits, pairs, seed));
        System.out.printf(Locale.ROOT, "data: %,d pairs of %d-bit numbers to train on, %,d pairs of %d-bit numbers held out (seed %d)%n",
                task.train().size(), trainBits, task.heldOut().size(), testBits, seed);
        recurrent.runAndPrint("addition of " + testBits + "-bit numbers", BinaryAdditionTask.TOKENS, BinaryAdditionTask.CLASSES,
                task.train(), task.heldOut(), seed);
    }
}
