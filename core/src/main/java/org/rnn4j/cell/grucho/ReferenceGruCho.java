package org.rnn4j.cell.grucho;

import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.cell.ReferenceCell;

/**
 * Cho GRU step, blocks r|z|n: ai = W_ih·x + b_ih (3H), arz = W_hh_rz·h_{t−1} + b_hh[0, 2H) (2H),
 * r = σ(ai_r + arz_r), z = σ(ai_z + arz_z), an = W_hh_n·(r⊙h_{t−1}) + b_hh[2H, 3H) (H), n = tanh(ai_n + an),
 * h_t = (1 − z)⊙n + z⊙h_{t−1}.
 */
final class ReferenceGruCho implements ReferenceCell {

    /** One step: x (D), h_{t−1} (1, H), ai (3H), arz (2H), r⊙h_{t−1} and an (H), r|z|n (3H), h_t (1, H). */
    private record ChoStep(double[] x, double[][] previous, double[] ai, double[] arz, double[] rh, double[] an,
                           double[] gates, double[][] state) implements Step {
    }

    private final ReferenceAffine input;     // W_ih (3H, D), b_ih (3H)
    private final ReferenceAffine recurrent; // W_hh_rz (2H, H), b_hh[0, 2H)
    private final ReferenceAffine candidate; // W_hh_n (H, H), b_hh[2H, 3H)

    ReferenceGruCho(GruChoTensors tensors) {
        int hidden = tensors.hidden();
        this.input = ReferenceAffine.of(tensors.weightIh(), tensors.biasIh());
        this.recurrent = new ReferenceAffine(tensors.weightHhRz().offset(), tensors.biasHh().offset(), 2 * hidden, hidden);
        this.candidate = new ReferenceAffine(tensors.weightHhN().offset(), tensors.biasHh().offset() + 2 * hidden,
                hidden, hidden);
    }

    @Override
    public Step forward(double[] params, double[] x, double[][] previous) {
        double[] hPrev = previous[0];
        int hidden = hPrev.length;
        ChoStep s = new ChoStep(x, previous, new double[3 * hidden], new double[2 * hidden], new double[hidden],
                new double[hidden], new double[3 * hidden], new double[1][hidden]);
        input.forward(params, x, s.ai());
        recurrent.forward(params, hPrev, s.arz());
        double[] a = s.gates();
        for (int j = 0; j < 2 * hidden; j++) {
            a[j] = ReferenceCell.sigmoid(s.ai()[j] + s.arz()[j]);
        }
        for (int j = 0; j < hidden; j++) {
            s.rh()[j] = a[j] * hPrev[j];
        }
        candidate.forward(params, s.rh(), s.an());
        for (int j = 0; j < hidden; j++) {
            double z = a[hidden + j];
            double n = Math.tanh(s.ai()[2 * hidden + j] + s.an()[j]);
            a[2 * hidden + j] = n;
            s.state()[0][j] = (1.0 - z) * n + z * hPrev[j];
        }
        return s;
    }

    @Override
    public double[][] backward(double[] params, double[] gradients, Step step, double[][] dState, double[] dx) {
        ChoStep s = (ChoStep) step;
        double[] hPrev = s.previous()[0];
        int hidden = hPrev.length;
        double[] a = s.gates();
        double[] dai = new double[3 * hidden]; // dL/dai
        double[] darz = new double[2 * hidden]; // dL/darz
        double[] dan = new double[hidden];     // dL/dan
        double[] drh = new double[hidden];     // dL/d(r⊙h_{t−1})
        double[][] dPrevious = new double[1][hidden];
        for (int j = 0; j < hidden; j++) {
            double z = a[hidden + j];
            double n = a[2 * hidden + j];
            double dh = dState[0][j];
            dPrevious[0][j] = dh * z;
            double dnPre = dh * (1.0 - z) * (1.0 - n * n);
            double dzPre = dh * (hPrev[j] - n) * z * (1.0 - z);
            dai[hidden + j] = dzPre;
            darz[hidden + j] = dzPre;
            dai[2 * hidden + j] = dnPre;
            dan[j] = dnPre;
        }
        candidate.backward(params, gradients, s.rh(), dan, drh);
        for (int j = 0; j < hidden; j++) {
            double r = a[j];
            dPrevious[0][j] += drh[j] * r;
            double drPre = drh[j] * hPrev[j] * r * (1.0 - r);
            dai[j] = drPre;
            darz[j] = drPre;
        }
        input.backward(params, gradients, s.x(), dai, dx);
        recurrent.backward(params, gradients, hPrev, darz, dPrevious[0]);
        return dPrevious;
    }
}
