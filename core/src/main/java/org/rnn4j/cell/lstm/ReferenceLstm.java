package org.rnn4j.cell.lstm;

import org.rnn4j.cell.GatedReference;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.nn.RecurrentTensors;

/**
 * LSTM step, G = 4, gates i|f|g|o of a = ai + ah: i = σ(a_i + w_ci⊙c_{t−1}), f = σ(a_f + w_cf⊙c_{t−1}),
 * g = tanh(a_g), c_t = f⊙c_{t−1} + i⊙g, o = σ(a_o + w_co⊙c_t), h_t = o⊙tanh(c_t). The plain LSTM has no
 * peepholes: its w are zero.
 */
final class ReferenceLstm extends GatedReference {

    /** Where the peephole weights w_ci, w_cf, w_co (H each) lie in the parameters. */
    record Peepholes(int ci, int cf, int co) {
    }

    private final Peepholes peepholes; // null for the plain LSTM

    /** The plain LSTM's step. */
    ReferenceLstm(RecurrentTensors tensors) {
        this(tensors, null);
    }

    /** The step of the LSTM with {@code peepholes}. */
    ReferenceLstm(RecurrentTensors tensors, Peepholes peepholes) {
        super(tensors);
        this.peepholes = peepholes;
    }

    @Override
    protected void pointwise(double[] params, GatedStep s) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double cPrev = s.cPrev()[j];
            double i = ReferenceCell.sigmoid(s.ai()[j] + s.ah()[j] + weight(params, Gate.INPUT, j) * cPrev);
            double f = ReferenceCell.sigmoid(s.ai()[hidden + j] + s.ah()[hidden + j] + weight(params, Gate.FORGET, j) * cPrev);
            double g = Math.tanh(s.ai()[2 * hidden + j] + s.ah()[2 * hidden + j]);
            double c = f * cPrev + i * g;
            double o = ReferenceCell.sigmoid(s.ai()[3 * hidden + j] + s.ah()[3 * hidden + j] + weight(params, Gate.OUTPUT, j) * c);
            a[j] = i;
            a[hidden + j] = f;
            a[2 * hidden + j] = g;
            a[3 * hidden + j] = o;
            s.c()[j] = c;
            s.h()[j] = o * Math.tanh(c);
        }
    }

    @Override
    protected void pointwiseBackward(double[] params, double[] gradients, GatedStep s, double[][] dState, double[] dai,
                                     double[] dah, double[][] dPrevious) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double i = a[j];
            double f = a[hidden + j];
            double g = a[2 * hidden + j];
            double o = a[3 * hidden + j];
            double cPrev = s.cPrev()[j];
            double c = s.c()[j];
            double tanhC = Math.tanh(c);
            // o's pre-activation, then dL/dc_t: from later steps, through h_t = o⊙tanh(c_t) and through o's peephole
            double dOPre = dState[0][j] * tanhC * o * (1.0 - o);
            double dc = dState[1][j] + dState[0][j] * o * (1.0 - tanhC * tanhC) + dOPre * weight(params, Gate.OUTPUT, j);
            // through the non-linearities: σ' = σ(1 − σ), tanh' = 1 − tanh²
            double dIPre = dc * g * i * (1.0 - i);
            double dFPre = dc * cPrev * f * (1.0 - f);
            dai[j] = dIPre;
            dai[hidden + j] = dFPre;
            dai[2 * hidden + j] = dc * i * (1.0 - g * g);
            dai[3 * hidden + j] = dOPre;
            // c_{t−1} reaches c_t through f, and i and f through their peepholes
            dPrevious[1][j] = dc * f + dIPre * weight(params, Gate.INPUT, j) + dFPre * weight(params, Gate.FORGET, j);
            if (peepholes != null) {
                gradients[peepholes.ci() + j] += dIPre * cPrev;
                gradients[peepholes.cf() + j] += dFPre * cPrev;
                gradients[peepholes.co() + j] += dOPre * c;
            }
        }
        System.arraycopy(dai, 0, dah, 0, dai.length);
    }

    /** The gates that may see the cell. */
    private enum Gate { INPUT, FORGET, OUTPUT }

    /** The peephole weight of {@code gate} at column j; 0 for the plain LSTM. */
    private double weight(double[] params, Gate gate, int j) {
        if (peepholes == null) {
            return 0.0;
        }
        int offset = switch (gate) {
            case INPUT -> peepholes.ci();
            case FORGET -> peepholes.cf();
            case OUTPUT -> peepholes.co();
        };
        return params[offset + j];
    }
}
