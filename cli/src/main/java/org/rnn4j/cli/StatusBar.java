package org.rnn4j.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.rnn4j.train.TrainingProgress;

/**
 * The line a training run keeps up to date on stdout: a progress bar (step, status, ETA) when stdout is a
 * terminal, else a status line every half minute. Lines printed {@link #above} it never tangle with it.
 */
public final class StatusBar {

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LINE_NANOS = 30_000_000_000L; // status line interval without a terminal

    private final PrintStream out = System.out;
    private ProgressBar bar;
    private long lastRedraw;
    private long lastLine = System.nanoTime();

    /** Draws the bar from the run's current step, when stdout is a terminal. */
    public void start(TrainingProgress p) {
        if (System.console() == null) {
            return;
        }
        bar = new ProgressBarBuilder()
                .setTaskName("train")
                .setInitialMax(p.totalSteps())
                .startsFrom(p.step(), Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(out, 160))
                .setUnit(" steps", 1)
                .build();
    }

    /**
     * Moves the bar to the run's step with {@code status} of it beside it, at most five times a second: the
     * status is only made when it is drawn.
     */
    public void step(TrainingProgress p, Function<TrainingProgress, String> status) {
        long now = System.nanoTime();
        if (now - lastRedraw < REDRAW_NANOS) {
            return;
        }
        lastRedraw = now;
        if (bar != null) {
            bar.stepTo(p.step());
            bar.setExtraMessage(status.apply(p));
        } else if (now - lastLine >= LINE_NANOS) {
            lastLine = now;
            out.printf(Locale.ROOT, "step %d/%d %s%n", p.step(), p.totalSteps(), status.apply(p));
        }
    }

    /** Prints {@code text} above the bar, which redraws below it. */
    public void above(String text) {
        out.println(bar != null ? "\r\033[K" + text : text); // one write: clear the bar's line, print, and the bar redraws below
        out.flush();
    }

    /** Ends the bar at the run's last step. */
    public void close(TrainingProgress p) {
        if (bar != null) {
            bar.stepTo(p.step());
            bar.close();
        }
    }
}
