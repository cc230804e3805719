package org.rnn4j.cell.mrnn;

import java.util.Arrays;
import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.cell.ReferenceCell;

/**
 * Multiplicative RNN step for one row in double precision: ai = W_ih·x (F+H) = [W_mx x; W_hx x],
 * am = W_mh·h_{t−1} (F), m = ai[0, F)⊙am, h_t = tanh(ai[F, F+H) + W_hm·m + b).
 */
final class ReferenceMultiplicativeRnn implements ReferenceCell {

    /** One step: x (D), h_{t−1} (1, H), ai (F+H), am and m (F), h_t (1, H). */
    private record FactorStep(double[] x, double[][] previous, double[] ai, double[] am, double[] m, double[][] state)
            implements Step {
    }

    private final ReferenceAffine input;   // W_ih (F+H, D), no bias
    private final ReferenceAffine factors; // W_mh (F, H), no bias
    private final ReferenceAffine output;  // W_hm (H, F) and b (H)

    ReferenceMultiplicativeRnn(MultiplicativeRnnTensors tensors) {
        this.input = ReferenceAffine.linear(tensors.weightIh());
        this.factors = ReferenceAffine.linear(tensors.weightMh());
        this.output = ReferenceAffine.of(tensors.weightHm(), tensors.bias());
    }

    @Override
    public Step forward(double[] params, double[] x, double[][] previous) {
        int f = factors.rows();
        int hidden = output.rows();
        FactorStep s = new FactorStep(x, previous, new double[f + hidden], new double[f], new double[f], new double[1][hidden]);
        input.forward(params, x, s.ai());
        factors.forward(params, previous[0], s.am());
        for (int k = 0; k < f; k++) {
            s.m()[k] = s.ai()[k] * s.am()[k];
        }
        double[] h = s.state()[0];
        output.forward(params, s.m(), h);
        for (int j = 0; j < hidden; j++) {
            h[j] = Math.tanh(h[j] + s.ai()[f + j]);
        }
        return s;
    }

    @Override
    public double[][] backward(double[] params, double[] gradients, Step step, double[][] dState, double[] dx) {
        FactorStep s = (FactorStep) step;
        int f = factors.rows();
        int hidden = output.rows();
        double[] h = s.state()[0];
        double[] dai = new double[f + hidden]; // dL/dai: dL/d(W_mx x), then dL/d(the sum under tanh)
        for (int j = 0; j < hidden; j++) {
            dai[f + j] = dState[0][j] * (1.0 - h[j] * h[j]);
        }
        double[] dm = new double[f];
        output.backward(params, gradients, s.m(), Arrays.copyOfRange(dai, f, f + hidden), dm);
        double[] dam = new double[f]; // dL/d(W_mh h_{t−1})
        for (int k = 0; k < f; k++) {
            dai[k] = dm[k] * s.am()[k];
            dam[k] = dm[k] * s.ai()[k];
        }
        double[][] dPrevious = new double[1][hidden];
        factors.backward(params, gradients, s.previous()[0], dam, dPrevious[0]);
        input.backward(params, gradients, s.x(), dai, dx);
        return dPrevious;
    }
}
