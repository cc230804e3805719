package org.rnn4j.check;

/**
 * GRU step (PyTorch's formulation), G = 3, blocks r|z|n: r = σ(ai_r + ah_r), z = σ(ai_z + ah_z),
 * n = tanh(ai_n + r⊙ah_n), h_t = (1 − z)⊙n + z⊙h_{t−1}.
 */
final class ReferenceGru implements ReferenceCell {

    @Override
    public void forward(Step s) {
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
    public void backward(Step s, StepGradients d) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double r = a[j];
            double z = a[hidden + j];
            double n = a[2 * hidden + j];
            double dh = d.dh()[j];
            double dn = dh * (1.0 - z);
            double dz = dh * (s.hPrev()[j] - n);
            d.dhPrev()[j] = dh * z;
            // pre-activation of n is ai_n + r⊙ah_n
            double dnPre = dn * (1.0 - n * n);
            double dr = dnPre * s.ah()[2 * hidden + j];
            double drPre = dr * r * (1.0 - r);
            double dzPre = dz * z * (1.0 - z);
            d.dai()[j] = drPre;
            d.dai()[hidden + j] = dzPre;
            d.dai()[2 * hidden + j] = dnPre;
            d.dah()[j] = drPre;
            d.dah()[hidden + j] = dzPre;
            d.dah()[2 * hidden + j] = dnPre * r;
        }
    }
}
