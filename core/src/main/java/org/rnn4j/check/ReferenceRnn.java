package org.rnn4j.check;

import org.rnn4j.model.CellKind;

/** Elman step: h_t = f(ai + ah) with f = tanh (RNN_TANH) or max(·, 0) (RNN_RELU); G = 1. */
final class ReferenceRnn implements ReferenceCell {

    private final CellKind kind;

    ReferenceRnn(CellKind kind) {
        if (kind != CellKind.RNN_TANH && kind != CellKind.RNN_RELU) {
            throw new IllegalArgumentException("not a vanilla RNN cell: " + kind);
        }
        this.kind = kind;
    }

    @Override
    public void forward(Step s) {
        for (int j = 0; j < s.h().length; j++) {
            double a = s.ai()[j] + s.ah()[j];
            s.h()[j] = kind == CellKind.RNN_TANH ? Math.tanh(a) : Math.max(a, 0.0);
            s.gates()[j] = s.h()[j];
        }
    }

    @Override
    public void backward(Step s, StepGradients d) {
        for (int j = 0; j < s.h().length; j++) {
            double h = s.h()[j];
            // tanh' = 1 − h²; relu' = 1 where a > 0 (h > 0), else 0
            double slope = kind == CellKind.RNN_TANH ? 1.0 - h * h : (h > 0.0 ? 1.0 : 0.0);
            double da = d.dh()[j] * slope;
            d.dai()[j] = da;
            d.dah()[j] = da;
        }
    }
}
