package org.rnn4j.train;

import org.rnn4j.model.LanguageModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.data.StreamBatcher;

/**
 * Scores a model on a token sequence as N contiguous streams with the state carried from window to
 * window, so every position but the last few (fewer than N) is predicted with its full history.
 * Buffers are allocated once; {@link #evaluate()} can run as often as needed.
 */
public final class Evaluator {

    private final LanguageModel model;
    private final StreamBatcher batcher;
    private final Workspace full;      // (T, N) windows
    private final Workspace remainder; // the last, shorter window; null when none
    private final RecurrentState state;

    /** Uses up to {@code rows} streams of windows of up to {@code steps}; needs at least 2 tokens. */
    public Evaluator(LanguageModel model, int[] tokens, int rows, int steps) {
        if (tokens.length < 2) {
            throw new IllegalArgumentException("need at least 2 tokens to evaluate, got " + tokens.length);
        }
        int t = Math.min(steps, tokens.length - 1);
        int n = Math.max(1, Math.min(rows, (tokens.length - 1) / t));
        this.model = model;
        this.batcher = new StreamBatcher(tokens, n, t, "the evaluation text");
        this.full = model.workspace(t, n);
        this.remainder = batcher.remainderSteps() > 0 ? model.workspace(batcher.remainderSteps(), n) : null;
        this.state = model.newState(n);
    }

    public Evaluation evaluate() {
        return evaluate(null);
    }

    /** Evaluates and, when {@code scores} is not null, reports every predicted token's log-probability. */
    public Evaluation evaluate(TokenScores scores) {
        state.reset();
        double loss = 0;
        long correct = 0;
        long tokens = 0;
        int windows = batcher.windows();
        for (int w = 0; w <= windows; w++) {
            Workspace ws = w < windows ? full : remainder;
            if (ws == null) {
                break;
            }
            int start = w * batcher.steps();
            batcher.fill(start, ws.steps(), ws.inputs(), ws.targets());
            loss += model.forward(ws, state, Mode.EVALUATION, null);
            correct += ws.correct();
            tokens += (long) ws.steps() * ws.rows();
            if (scores != null) {
                report(ws, start, scores);
            }
        }
        return new Evaluation(loss / tokens, (double) correct / tokens, tokens);
    }

    private void report(Workspace ws, int start, TokenScores scores) {
        float[] probabilities = ws.probabilities();
        int v = model.config().vocabularySize();
        for (int t = 0; t < ws.steps(); t++) {
            for (int n = 0; n < ws.rows(); n++) {
                int row = t * ws.rows() + n;
                int token = ws.targets()[row];
                long position = (long) n * batcher.streamLength() + start + t + 1;
                scores.score(position, token, Math.log(probabilities[row * v + token]));
            }
        }
    }
}
