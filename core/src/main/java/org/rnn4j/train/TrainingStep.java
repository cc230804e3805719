package org.rnn4j.train;

import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.Workspace;
import org.rnn4j.optim.GradientClipping;
import org.rnn4j.optim.Optimizer;
import org.rnn4j.random.Rng;

/**
 * One update of truncated BPTT, split in two so the caller can look at the loss before anything
 * changes: {@link #forward} runs the window and returns its mean loss, {@link #update} back-propagates,
 * clips and applies the optimizer. Allocates nothing.
 */
public final class TrainingStep {

    private final SequenceModel model;
    private final Optimizer optimizer;
    private final GradientClipping clipping;
    private final float gradClip;  // global-norm limit, 0 = off
    private final float clipValue; // element-wise limit, 0 = off

    public TrainingStep(SequenceModel model, Optimizer optimizer, float gradClip, float clipValue) {
        this.model = model;
        this.optimizer = optimizer;
        this.clipping = new GradientClipping(model.kernels());
        this.gradClip = gradClip;
        this.clipValue = clipValue;
    }

    /**
     * Runs the window in {@code ws} from {@code state} (left holding the final state); the mean loss in
     * nats over the positions that are not padding.
     */
    public double forward(Workspace ws, RecurrentState state, Rng rng) {
        model.parameters().zeroGradients();
        return model.forward(ws, state, Mode.TRAINING, rng) / Math.max(1, ws.scored());
    }

    /** Back-propagates the last {@link #forward}, clips the gradients and updates the parameters. */
    public void update(Workspace ws, float learningRate) {
        float[] gradients = model.parameters().gradients();
        model.backward(ws);
        if (clipValue > 0f) {
            clipping.byValue(gradients, clipValue);
        }
        if (gradClip > 0f) {
            clipping.byGlobalNorm(gradients, gradClip);
        }
        optimizer.step(model.parameters().values(), gradients, learningRate);
    }
}
