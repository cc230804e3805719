package org.rnn4j.head.labeller;

import java.util.Arrays;
import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.head.HeadTargets;
import org.rnn4j.head.ReferenceHead;
import org.rnn4j.kernel.Kernels;

/**
 * {@link StepSigmoid} in double precision: z = w·h_{t,n} + b at every position, J = (1 / S) Σ log(1 + e^z) − y·z
 * over the S positions whose target y is not {@link Kernels#PADDING}.
 */
record ReferenceStepSigmoid(ReferenceAffine output) implements ReferenceHead {

    @Override
    public double loss(double[] params, double[][][] top, HeadTargets targets, double[] gradients, double[][][] dTop) {
        int rows = top[0].length;
        int scored = 0;
        for (int target : targets.targets()) {
            scored += target == Kernels.PADDING ? 0 : 1;
        }
        double loss = 0;
        double[] z = new double[1];
        for (int t = 0; t < top.length; t++) {
            for (int n = 0; n < rows; n++) {
                int target = targets.targets()[t * rows + n];
                if (dTop != null) {
                    Arrays.fill(dTop[t][n], 0);
                }
                if (target == Kernels.PADDING) {
                    continue;
                }
                output.forward(params, top[t][n], z);
                loss += Math.log(1 + Math.exp(z[0])) - target * z[0];
                if (gradients != null) {
                    double dz = (1 / (1 + Math.exp(-z[0])) - target) / scored;
                    output.backward(params, gradients, top[t][n], new double[] {dz}, dTop[t][n]);
                }
            }
        }
        return loss / scored;
    }
}
