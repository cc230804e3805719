package org.rnn4j.cell.rru;

import org.rnn4j.cell.GatedReference;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.nn.RecurrentTensors;

/** Rated recurrent unit step, G = 2, blocks ĥ|z: ĥ = tanh(ai_ĥ + ah_ĥ), z = σ(ai_z + ah_z), h_t = (1 − z)⊙h_{t−1} + z⊙ĥ. */
final class ReferenceRru extends GatedReference {

    ReferenceRru(RecurrentTensors tensors) {
        super(tensors);
    }

    @Override
    protected void pointwise(double[] params, GatedStep s) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double candidate = Math.tanh(s.ai()[j] + s.ah()[j]);
            double z = ReferenceCell.sigmoid(s.ai()[hidden + j] + s.ah()[hidden + j]);
            a[j] = candidate;
            a[hidden + j] = z;
            s.h()[j] = (1.0 - z) * s.hPrev()[j] + z * candidate;
        }
    }

    @Override
    protected void pointwiseBackward(double[] params, double[] gradients, GatedStep s, double[][] dState, double[] dai,
                                     double[] dah, double[][] dPrevious) {
        int hidden = s.h().length;
        double[] a = s.gates();
        for (int j = 0; j < hidden; j++) {
            double candidate = a[j];
            double z = a[hidden + j];
            double dh = dState[0][j];
            dPrevious[0][j] = dh * (1.0 - z);
            double dCandidatePre = dh * z * (1.0 - candidate * candidate);
            double dzPre = dh * (candidate - s.hPrev()[j]) * z * (1.0 - z);
            dai[j] = dCandidatePre;
            dai[hidden + j] = dzPre;
            dah[j] = dCandidatePre;
            dah[hidden + j] = dzPre;
        }
    }
}
