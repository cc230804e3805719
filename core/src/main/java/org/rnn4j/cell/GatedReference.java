package org.rnn4j.cell;

import org.rnn4j.nn.RecurrentTensors;

/**
 * The reference of a cell that reads x and h_{t−1} only through ai = W_ih·x + b_ih and
 * ah = W_hh·h_{t−1} + b_hh (each G·H, PyTorch's four tensors): this class computes the two affine parts
 * and their gradients, the cell its pointwise step from ai, ah and the previous state, and back.
 */
public abstract class GatedReference implements ReferenceCell {

    /** One step: the input, the previous state (S, H), ai and ah (G·H), the gate activations (G·H), the new state (S, H). */
    public record GatedStep(double[] x, double[][] previous, double[] ai, double[] ah, double[] gates, double[][] state)
            implements Step {

        /** h_{t−1} (H). */
        public double[] hPrev() {
            return previous[0];
        }

        /** h_t (H). */
        public double[] h() {
            return state[0];
        }

        /** c_{t−1} (H) of a cell that carries one. */
        public double[] cPrev() {
            return previous[1];
        }

        /** c_t (H) of a cell that carries one. */
        public double[] c() {
            return state[1];
        }
    }

    private final ReferenceAffine input;     // W_ih (G·H, D), b_ih (G·H)
    private final ReferenceAffine recurrent; // W_hh (G·H, H), b_hh (G·H)

    protected GatedReference(RecurrentTensors tensors) {
        this.input = ReferenceAffine.of(tensors.weightIh(), tensors.biasIh());
        this.recurrent = ReferenceAffine.of(tensors.weightHh(), tensors.biasHh());
    }

    /**
     * Fills {@code step.gates()} and {@code step.state()} from ai, ah and the previous state; {@code params} holds
     * whatever else the cell's step reads (the peephole weights).
     */
    protected abstract void pointwise(double[] params, GatedStep step);

    /**
     * From dState (S, H), writes dai = dL/dai and dah = dL/dah (G·H) and dPrevious (S, H) = the part of
     * dL/d(previous state) that does not pass through W_hh; ADDS the gradients of the parameters that
     * {@link #pointwise} read into {@code gradients}.
     */
    protected abstract void pointwiseBackward(double[] params, double[] gradients, GatedStep step, double[][] dState,
                                              double[] dai, double[] dah, double[][] dPrevious);

    @Override
    public final Step forward(double[] params, double[] x, double[][] previous) {
        int gateWidth = input.rows();
        int hidden = previous[0].length;
        double[][] state = new double[previous.length][hidden];
        GatedStep step = new GatedStep(x, previous, new double[gateWidth], new double[gateWidth], new double[gateWidth], state);
        input.forward(params, x, step.ai());
        recurrent.forward(params, step.hPrev(), step.ah());
        pointwise(params, step);
        return step;
    }

    @Override
    public final double[][] backward(double[] params, double[] gradients, Step step, double[][] dState, double[] dx) {
        GatedStep s = (GatedStep) step;
        double[] dai = new double[input.rows()];     // (G·H)
        double[] dah = new double[recurrent.rows()]; // (G·H)
        double[][] dPrevious = new double[dState.length][dState[0].length]; // (S, H)
        pointwiseBackward(params, gradients, s, dState, dai, dah, dPrevious);
        input.backward(params, gradients, s.x(), dai, dx);
        recurrent.backward(params, gradients, s.hPrev(), dah, dPrevious[0]);
        return dPrevious;
    }
}
