package org.rnn4j.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.rnn4j.train.StopReason;
import org.rnn4j.train.Trainer;

/**
 * How every training command runs its trainer: in a locked run folder, with Ctrl-C (any JVM shutdown) turned
 * into a stop request that saves a resumable checkpoint, and the loss plot drawn at the end.
 */
public final class TrainingRun {

    private TrainingRun() {
    }

    /** A new run folder under {@code runs/}: {@code runs/<name>-<date>-<time>}. */
    public static Path defaultFolder(String name) {
        return Path.of("runs", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    /**
     * Locks {@code folder} (a folder holding a run is accepted only when {@code resuming}), runs the trainer,
     * draws the loss plot and hands the reason it stopped to {@code after}; a shutdown waits until all of that
     * is done.
     */
    public static void run(Trainer trainer, Path folder, boolean resuming, Consumer<StopReason> after) {
        try (RunFolder.Lock _ = RunFolder.prepare(folder, resuming)) {
            runLocked(trainer, folder, after);
        }
    }

    /** {@link #run} in a folder that the caller has prepared and locked ({@link RunFolder#prepare}). */
    static void runLocked(Trainer trainer, Path folder, Consumer<StopReason> after) {
        runStoppable(trainer, () -> {
            StopReason reason = trainer.run();
            // the run has let go of its window buffers: a full collection frees them, and the launcher's
            // heap settings hand that memory back, before the plot loads Java2D
            System.gc();
            LossPlot.writeAfterRun(folder, System.out);
            after.accept(reason);
        });
    }

    /**
     * Runs {@code run} with Ctrl-C (any JVM shutdown) turned into {@link Trainer#requestStop}: the shutdown
     * waits until the run has saved its checkpoint, drawn the plot and printed its summary.
     */
    private static void runStoppable(Trainer trainer, Runnable run) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            trainer.requestStop();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rnn4j-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook); // Main.run may be called again in this JVM
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and has just been released
            }
        }
    }
}
