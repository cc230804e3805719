package org.rnn4j.check;

import org.rnn4j.model.CellKind;

/**
 * The pointwise part of one recurrent step for one row, in double precision. The affine parts
 * ai = W_ih·x + b_ih and ah = W_hh·h_{t-1} + b_hh (each G·H, gates in PyTorch's order) are computed by
 * {@link ReferenceModel}; a cell turns them and the previous state into the new state, and back.
 *
 * <p>Legend: D input size, H hidden size, G gates per unit ({@link CellKind#gates()}).
 */
interface ReferenceCell {

    /** The cell of that kind. */
    static ReferenceCell of(CellKind kind) {
        return switch (kind) {
            case RNN_TANH, RNN_RELU -> new ReferenceRnn(kind);
            case LSTM -> new ReferenceLstm();
            case GRU -> new ReferenceGru();
        };
    }

    /** Fills {@code step.gates}, {@code step.h} and (LSTM) {@code step.c} from ai, ah and the previous state. */
    void forward(Step step);

    /**
     * From {@code d.dh} = dL/dh_t and {@code d.dc} = dL/dc_t (LSTM), writes {@code d.dai} = dL/dai,
     * {@code d.dah} = dL/dah, {@code d.dhPrev} = the part of dL/dh_{t-1} that does not pass through W_hh,
     * and {@code d.dcPrev} = dL/dc_{t-1} (LSTM).
     */
    void backward(Step step, StepGradients d);

    /**
     * What one step of one row computes and keeps for backward. {@code cPrev} and {@code c} stay zero
     * unless the cell is an LSTM.
     */
    record Step(double[] x,     // (D) layer input
                double[] hPrev, // (H) h_{t-1}
                double[] cPrev, // (H) c_{t-1}
                double[] ai,    // (G·H) W_ih·x + b_ih
                double[] ah,    // (G·H) W_hh·h_{t-1} + b_hh
                double[] gates, // (G·H) gate activations
                double[] h,     // (H) h_t
                double[] c) {   // (H) c_t

        /** A step over the given input and previous state, with zeroed outputs. */
        static Step of(double[] x, double[] hPrev, double[] cPrev, int gates) {
            int hidden = hPrev.length;
            return new Step(x, hPrev, cPrev, new double[gates * hidden], new double[gates * hidden],
                    new double[gates * hidden], new double[hidden], new double[hidden]);
        }
    }

    /** Gradients of one step of one row; {@code dh}, {@code dc} are read, the others written. */
    record StepGradients(double[] dh,     // (H) dL/dh_t
                         double[] dc,     // (H) dL/dc_t from later steps
                         double[] dai,    // (G·H) dL/dai
                         double[] dah,    // (G·H) dL/dah
                         double[] dhPrev, // (H) dL/dh_{t-1}, direct path only
                         double[] dcPrev) { // (H) dL/dc_{t-1}

        /** Output arrays zeroed, for a cell of G gates. */
        static StepGradients of(double[] dh, double[] dc, int gates) {
            int hidden = dh.length;
            return new StepGradients(dh, dc, new double[gates * hidden], new double[gates * hidden],
                    new double[hidden], new double[hidden]);
        }
    }

    /** σ(a) = 1 / (1 + e^−a). */
    static double sigmoid(double a) {
        return 1.0 / (1.0 + Math.exp(-a));
    }
}
