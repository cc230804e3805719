package org.rnn4j.cell.rnn;

import org.rnn4j.cell.GatedReference;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.kernel.Activation;
import org.rnn4j.nn.RecurrentTensors;

/** Elman step: h_t = f(ai + ah) with f = tanh, max(·, 0) or σ as {@code activation} says; G = 1. */
final class ReferenceRnn extends GatedReference {

    private final Activation activation;

    ReferenceRnn(RecurrentTensors tensors, Activation activation) {
        super(tensors);
        this.activation = activation;
    }

    @Override
    protected void pointwise(double[] params, GatedStep s) {
        for (int j = 0; j < s.h().length; j++) {
            double a = s.ai()[j] + s.ah()[j];
            s.h()[j] = switch (activation) {
                case TANH -> Math.tanh(a);
                case RELU -> Math.max(a, 0.0);
                case SIGMOID -> ReferenceCell.sigmoid(a);
            };
            s.gates()[j] = s.h()[j];
        }
    }

    @Override
    protected void pointwiseBackward(double[] params, double[] gradients, GatedStep s, double[][] dState, double[] dai,
                                     double[] dah, double[][] dPrevious) {
        for (int j = 0; j < s.h().length; j++) {
            double h = s.h()[j];
            // f' in terms of the output: tanh' = 1 − h²; relu' = 1 where a > 0 (h > 0), else 0; σ' = h(1 − h)
            double slope = switch (activation) {
                case TANH -> 1.0 - h * h;
                case RELU -> h > 0.0 ? 1.0 : 0.0;
                case SIGMOID -> h * (1.0 - h);
            };
            double da = dState[0][j] * slope;
            dai[j] = da;
            dah[j] = da;
        }
    }

    /** The smallest |ai + ah| of a ReLU step: centred differences are only exact away from the kink at 0. */
    @Override
    public double kinkDistance(Step step) {
        if (activation != Activation.RELU) {
            return Double.POSITIVE_INFINITY;
        }
        GatedStep s = (GatedStep) step;
        double distance = Double.POSITIVE_INFINITY;
        for (int j = 0; j < s.h().length; j++) {
            distance = Math.min(distance, Math.abs(s.ai()[j] + s.ah()[j]));
        }
        return distance;
    }
}
