package org.rnn4j.train;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.rnn4j.data.Batches;
import org.rnn4j.data.StreamBatcher;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.text.TokenArray;

/**
 * Scores a model on every window of its {@link Batches}, with the state carried from window to window
 * when the batches say so. Shorter windows (the steps left after the full ones, short sentences) run over
 * a prefix of the one workspace. Buffers are allocated once; {@link #evaluate()} can run as often as needed.
 */
public final class Evaluator {

    private final SequenceModel model;
    private final Batches batches;
    private final Workspace workspace;
    private final RecurrentState state;

    /**
     * Scores a token sequence as up to {@code rows} contiguous streams read in windows of up to
     * {@code steps}, to their very end, so every position but the last few (fewer than N) is predicted with
     * its full history. Needs at least 2 tokens.
     */
    public Evaluator(SequenceModel model, int[] tokens, int rows, int steps) {
        this(model, TokenArray.of(tokens), rows, steps, null);
    }

    /**
     * As {@link #Evaluator(SequenceModel, int[], int, int)}, over tokens in memory or in a mapped token file,
     * running in {@code shared} when it fits: a trainer lends its own workspace, which holds nothing from one
     * step to the next.
     */
    public Evaluator(SequenceModel model, TokenArray tokens, int rows, int steps, Workspace shared) {
        this(model, streams(tokens, rows, steps), shared);
    }

    /** Scores every window of {@code batches}, in {@code shared} when it fits (null: a workspace of its own). */
    public Evaluator(SequenceModel model, Batches batches, Workspace shared) {
        boolean fits = shared != null && shared.capacity() >= batches.steps() && shared.rows() == batches.rows();
        this.model = model;
        this.batches = batches;
        this.workspace = fits ? shared : model.workspace(batches.steps(), batches.rows());
        this.state = model.newState(batches.rows());
    }

    private static Batches streams(TokenArray tokens, int rows, int steps) {
        if (tokens.length() < 2) {
            throw new IllegalArgumentException("need at least 2 tokens to evaluate, got " + tokens.length());
        }
        return new StreamBatcher(tokens, streamRows(tokens.length(), rows, steps), streamSteps(tokens.length(), steps),
                "the evaluation text", true);
    }

    /** T of the windows a sequence of {@code length} tokens is scored in: at most {@code steps}. */
    static int streamSteps(long length, int steps) {
        return (int) Math.min(steps, length - 1);
    }

    /** N of those windows: at most {@code rows}, fewer when the sequence is too short to fill them. */
    static int streamRows(long length, int rows, int steps) {
        return (int) Math.max(1, Math.min(rows, (length - 1) / streamSteps(length, steps)));
    }

    public Evaluation evaluate() {
        return evaluate((TokenScores) null);
    }

    /** Evaluates and, when {@code scores} is not null, reports every predicted token's log-probability. */
    public Evaluation evaluate(TokenScores scores) {
        return evaluate(scores, () -> false).orElseThrow();
    }

    /**
     * As {@link #evaluate(TokenScores)}, abandoned (empty) as soon as {@code stop} says so before a window:
     * a long evaluation then ends within one window's time.
     */
    public Optional<Evaluation> evaluate(TokenScores scores, BooleanSupplier stop) {
        return run(scores == null ? null : (batches, window, ws) -> report(window, scores), stop);
    }

    /** Evaluates and hands every window, once its forward has run, to {@code windows}: what predicting needs. */
    public Evaluation predict(WindowPredictions windows) {
        return run(windows, () -> false).orElseThrow();
    }

    private Optional<Evaluation> run(WindowPredictions windows, BooleanSupplier stop) {
        state.reset();
        double loss = 0;
        long correct = 0;
        long tokens = 0;
        for (int w = 0; w < batches.windows(); w++) {
            if (stop.getAsBoolean()) {
                return Optional.empty();
            }
            if (!batches.carriesState()) {
                state.reset();
            }
            batches.fill(0, w, workspace);
            loss += model.forward(workspace, state, Mode.EVALUATION, null);
            correct += workspace.correct();
            tokens += workspace.scored();
            if (windows != null) {
                windows.accept(batches, w, workspace);
            }
        }
        return Optional.of(new Evaluation(loss / tokens, (double) correct / tokens, tokens));
    }

    private void report(int window, TokenScores scores) {
        float[] probabilities = workspace.probabilities();
        int v = model.config().outputs();
        for (int t = 0; t < workspace.steps(); t++) {
            for (int n = 0; n < workspace.rows(); n++) {
                int row = t * workspace.rows() + n;
                int token = workspace.targets()[row];
                if (token != Kernels.PADDING) {
                    scores.score(batches.position(0, window, t, n), token, Math.log(probabilities[row * v + token]));
                }
            }
        }
    }
}
