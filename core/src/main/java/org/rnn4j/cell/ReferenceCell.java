package org.rnn4j.cell;

/**
 * One step of one layer for one row in double precision, one loop per element: the specification a
 * cell's float layer is held to by the gradient check. {@code params} and {@code gradients} are the
 * model's flat buffers; the cell reads its tensors at their offsets.
 *
 * <p>Legend: D the layer's input size, H hidden size, S state vectors ({@link Cell#stateVectors()}).
 */
public interface ReferenceCell {

    /** What forward keeps for backward. */
    interface Step {

        /** (S, H) the state after the step: h_t, then c_t for an LSTM. */
        double[][] state();
    }

    /** The step from input x (D) and the previous state (S, H); reads nothing else and mutates nothing. */
    Step forward(double[] params, double[] x, double[][] previous);

    /**
     * Back through {@code step}: from dState (S, H) = dL/d(state after the step), ADDS dL/dθ into
     * {@code gradients} and dL/dx into {@code dx} (D), and returns dL/d(previous state) (S, H).
     */
    double[][] backward(double[] params, double[] gradients, Step step, double[][] dState, double[] dx);

    /**
     * How far the step's pre-activations lie from a kink of the cell's non-linearity, where a centred
     * difference is not exact (ReLU's 0); +∞ for a smooth cell.
     */
    default double kinkDistance(Step step) {
        return Double.POSITIVE_INFINITY;
    }

    /** σ(a) = 1 / (1 + e^−a). */
    static double sigmoid(double a) {
        return 1.0 / (1.0 + Math.exp(-a));
    }
}
