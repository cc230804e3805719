package org.rnn4j.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rnn4j.InvalidInputException;
import org.rnn4j.io.AtomicFiles;

/**
 * The run's metrics as JSON lines, one object per line: {@code {"step":…,"train_loss":…}} for training
 * and {@code {"step":…,"val_loss":…}} for evaluations. Each line is written whole and flushed.
 */
public final class MetricsLog implements AutoCloseable {

    public static final String FILE_NAME = "metrics.jsonl";

    private final BufferedWriter out;

    /**
     * Opens the log of a run folder for appending. When resuming at {@code resumeStep} > 0, lines past that
     * step (written after the checkpoint by the interrupted run) are dropped first, atomically.
     */
    public MetricsLog(Path folder, long resumeStep) {
        Path file = folder.resolve(FILE_NAME);
        try {
            Files.createDirectories(folder);
            if (resumeStep > 0 && Files.exists(file)) {
                List<String> kept = new ArrayList<>();
                for (String line : lines(file)) {
                    if (stepOf(line) <= resumeStep) {
                        kept.add(line);
                    }
                }
                AtomicFiles.writeString(file, kept.isEmpty() ? "" : String.join("\n", kept) + "\n");
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
    }

    public void train(TrainingProgress p) {
        write(String.format(Locale.ROOT,
                "{\"step\":%d,\"epoch\":%d,\"tokens\":%d,\"seconds\":%.3f,\"train_loss\":%.6f,\"smooth_loss\":%.6f,\"lr\":%.6g,\"tokens_per_s\":%.1f}",
                p.step, p.epoch, p.tokens, p.seconds, p.loss, p.smoothLoss, p.learningRate, p.tokensPerSecond));
    }

    public void validation(TrainingProgress p, Evaluation e) {
        write(String.format(Locale.ROOT,
                "{\"step\":%d,\"epoch\":%d,\"seconds\":%.3f,\"val_loss\":%.6f,\"val_ppl\":%.4f,\"val_bpc\":%.6f,\"val_acc\":%.6f}",
                p.step, p.epoch, p.seconds, e.loss(), e.perplexity(), e.bitsPerToken(), e.accuracy()));
    }

    private void write(String line) {
        try {
            out.write(line + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics log", e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(file + " is not UTF-8 text, so not the metrics log rnn4j writes; move it out of "
                    + "the run folder to resume (the checkpoint holds all that resuming needs)");
        }
    }

    /** The "step" of a JSON line, or Long.MAX_VALUE when the line has none (or one beyond a long). */
    static long stepOf(String line) {
        int at = line.indexOf("\"step\":");
        if (at < 0) {
            return Long.MAX_VALUE;
        }
        int start = at + 7;
        int end = start;
        while (end < line.length() && line.charAt(end) >= '0' && line.charAt(end) <= '9') {
            end++;
        }
        try {
            return end > start ? Long.parseLong(line.substring(start, end)) : Long.MAX_VALUE;
        } catch (NumberFormatException beyondLong) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the metrics log", e);
        }
    }
}
