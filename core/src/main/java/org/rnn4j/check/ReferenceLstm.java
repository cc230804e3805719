package org.rnn4j.check;

/**
 * LSTM step, G = 4, gates i|f|g|o of a = ai + ah: i = σ, f = σ, g = tanh, o = σ;
 * c_t = f⊙c_{t−1} + i⊙g, h_t = o⊙tanh(c_t).
 */
final class ReferenceLstm implements ReferenceCell {

    @Override
    public void forward(Step s) {
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
    public void backward(Step s, StepGradients d) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double i = a[j];
            double f = a[hidden + j];
            double g = a[2 * hidden + j];
            double o = a[3 * hidden + j];
            double tanhC = Math.tanh(s.c()[j]);
            // dL/dc_t: from later steps plus through h_t = o⊙tanh(c_t)
            double dc = d.dc()[j] + d.dh()[j] * o * (1.0 - tanhC * tanhC);
            double di = dc * g;
            double df = dc * s.cPrev()[j];
            double dg = dc * i;
            double dO = d.dh()[j] * tanhC;
            d.dcPrev()[j] = dc * f;
            // through the non-linearities: σ' = σ(1 − σ), tanh' = 1 − tanh²
            d.dai()[j] = di * i * (1.0 - i);
            d.dai()[hidden + j] = df * f * (1.0 - f);
            d.dai()[2 * hidden + j] = dg * (1.0 - g * g);
            d.dai()[3 * hidden + j] = dO * o * (1.0 - o);
        }
        System.arraycopy(d.dai(), 0, d.dah(), 0, d.dai().length);
    }
}
