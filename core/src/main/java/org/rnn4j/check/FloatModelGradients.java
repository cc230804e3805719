package org.rnn4j.check;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.InitialState;
import org.rnn4j.model.SequenceModel;
import org.rnn4j.model.Mode;
import org.rnn4j.model.ModelConfig;
import org.rnn4j.model.RecurrentState;
import org.rnn4j.model.TokenProjection;
import org.rnn4j.model.Workspace;
import org.rnn4j.model.WorkspacePlan;

/**
 * Runs the production float {@link SequenceModel} on a gradient-check problem, so its gradients can be
 * held to the double-precision reference's with {@link GradientCheck#compare}.
 */
public final class FloatModelGradients {

    private FloatModelGradients() {
    }

    /** The float model's dL/dθ (flat, in the layout of the check) for the problem of {@code check}. */
    public static float[] of(GradientCheck check, Kernels kernels) {
        return of(check, kernels, new WorkspacePlan(TokenProjection.MULTIPLY, false));
    }

    /** The same, with the windows run as {@code plan} says. */
    public static float[] of(GradientCheck check, Kernels kernels, WorkspacePlan plan) {
        ModelConfig config = check.model().config();
        GradientCheck.Problem problem = check.problem();
        SequenceModel model = new SequenceModel(config, kernels);
        float[] values = model.parameters().values();
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) problem.params()[i];
        }
        ReferenceModel.Window window = problem.window();
        Workspace ws = model.workspace(window.steps(), window.rows(), plan);
        System.arraycopy(window.inputs(), 0, ws.inputs(), 0, ws.inputs().length);
        System.arraycopy(window.targets(), 0, ws.targets(), 0, ws.targets().length);
        System.arraycopy(window.lengths(), 0, ws.lengths(), 0, ws.lengths().length);
        System.arraycopy(window.labels(), 0, ws.labels(), 0, ws.labels().length);
        RecurrentState state = model.newState(window.rows()); // at a reset, where a learned initial state's problem starts
        if (config.initialState() == InitialState.ZERO) {
            for (int l = 0; l < config.layers(); l++) {
                state.set(l, freeState(problem.initial(), l));
            }
        }
        model.parameters().zeroGradients();
        model.forward(ws, state, Mode.EVALUATION, null);
        model.backward(ws);
        return model.parameters().gradients();
    }

    /** Layer {@code layer} of {@code initial} in the float layout (S, N, H): h, then c. */
    private static float[] freeState(ReferenceModel.State initial, int layer) {
        double[] h = initial.h()[layer];
        double[] c = initial.c().length > 0 ? initial.c()[layer] : new double[0];
        float[] state = new float[h.length + c.length];
        for (int i = 0; i < h.length; i++) {
            state[i] = (float) h[i];
        }
        for (int i = 0; i < c.length; i++) {
            state[h.length + i] = (float) c[i];
        }
        return state;
    }
}
