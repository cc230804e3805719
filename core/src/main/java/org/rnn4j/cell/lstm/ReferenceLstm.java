package org.rnn4j.cell.lstm;

import org.rnn4j.cell.GatedReference;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.nn.RecurrentTensors;

/**
 * LSTM step, G = 4, gates i|f|g|o of a = ai + ah: i = σ, f = σ, g = tanh, o = σ;
 * c_t = f⊙c_{t−1} + i⊙g, h_t = o⊙tanh(c_t).
 */
final class ReferenceLstm extends GatedReference {

    ReferenceLstm(RecurrentTensors tensors) {
        super(tensors);
    }

    @Override
    protected void pointwise(double[] params, GatedStep s) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double i = ReferenceCell.sigmoid(s.ai()[j] + s.ah()[j]);
            double f = ReferenceCell.sigmoid(s.ai()[hidden + j] + s.ah()[hidden + j]);
            double g = Math.tanh(s.ai()[2 * hidden + j] + s.ah()[2 * hidden + j]);
            double o = ReferenceCell.sigmoid(s.ai()[3 * hidden + j] + s.ah()[3 * hidden + j]);
            a[j] = i;
            a[hidden + j] = f;
            a[2 * hidden + j] = g;
            a[3 * hidden + j] = o;
            s.c()[j] = f * s.cPrev()[j] + i * g;
            s.h()[j] = o * Math.tanh(s.c()[j]);
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
            double tanhC = Math.tanh(s.c()[j]);
            // dL/dc_t: from later steps plus through h_t = o⊙tanh(c_t)
            double dc = dState[1][j] + dState[0][j] * o * (1.0 - tanhC * tanhC);
            double di = dc * g;
            double df = dc * s.cPrev()[j];
            double dg = dc * i;
            double dO = dState[0][j] * tanhC;
            dPrevious[1][j] = dc * f;
            // through the non-linearities: σ' = σ(1 − σ), tanh' = 1 − tanh²
            dai[j] = di * i * (1.0 - i);
            dai[hidden + j] = df * f * (1.0 - f);
            dai[2 * hidden + j] = dg * (1.0 - g * g);
            dai[3 * hidden + j] = dO * o * (1.0 - o);
        }
        System.arraycopy(dai, 0, dah, 0, dai.length);
    }
}
