package org.rnn4j.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rnn4j plot RUN}: draws a run's loss curves into RUN/loss.png. */
@Command(name = "plot", mixinStandardHelpOptions = true, description = "Draw a run's loss curves into RUN/loss.png.")
final class PlotCommand implements Runnable {

    @Parameters(paramLabel = "RUN", description = "Run folder (holds metrics.jsonl)")
    Path run;

    @Override
    public void run() {
        System.out.println("wrote " + LossPlot.write(run));
    }
}
