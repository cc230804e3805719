package org.rnn4j.cell.gru;

import org.rnn4j.cell.GatedReference;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.nn.RecurrentTensors;

/**
 * GRU step (PyTorch's formulation), G = 3, blocks r|z|n: r = σ(ai_r + ah_r), z = σ(ai_z + ah_z),
 * n = tanh(ai_n + r⊙ah_n), h_t = (1 − z)⊙n + z⊙h_{t−1}.
 */
final class ReferenceGru extends GatedReference {

    ReferenceGru(RecurrentTensors tensors) {
        super(tensors);
    }

    @Override
    protected void pointwise(double[] params, GatedStep s) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double r = ReferenceCell.sigmoid(s.ai()[j] + s.ah()[j]);
            double z = ReferenceCell.sigmoid(s.ai()[hidden + j] + s.ah()[hidden + j]);
            double n = Math.tanh(s.ai()[2 * hidden + j] + r * s.ah()[2 * hidden + j]);
            a[j] = r;
            a[hidden + j] = z;
            a[2 * hidden + j] = n;
            s.h()[j] = (1.0 - z) * n + z * s.hPrev()[j];
        }
    }

    @Override
    protected void pointwiseBackward(double[] params, double[] gradients, GatedStep s, double[][] dState, double[] dai,
                                     double[] dah, double[][] dPrevious) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double r = a[j];
            double z = a[hidden + j];
            double n = a[2 * hidden + j];
            double dh = dState[0][j];
            double dn = dh * (1.0 - z);
            double dz = dh * (s.hPrev()[j] - n);
            dPrevious[0][j] = dh * z;
            // pre-activation of n is ai_n + r⊙ah_n
            double dnPre = dn * (1.0 - n * n);
            double dr = dnPre * s.ah()[2 * hidden + j];
            double drPre = dr * r * (1.0 - r);
            double dzPre = dz * z * (1.0 - z);
            dai[j] = drPre;
            dai[hidden + j] = dzPre;
            dai[2 * hidden + j] = dnPre;
            dah[j] = drPre;
            dah[hidden + j] = dzPre;
            dah[2 * hidden + j] = dnPre * r;
        }
    }
}
