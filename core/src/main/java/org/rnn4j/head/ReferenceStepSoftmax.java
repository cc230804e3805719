package org.rnn4j.head;

import java.util.Arrays;
import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.kernel.Kernels;

/**
 * {@link StepSoftmax} in double precision: z = W·h_{t,n} + b (C) at every position, J = (1 / S) Σ −log softmax(z)[target]
 * over the S positions whose target is not {@link Kernels#PADDING}.
 */
public record ReferenceStepSoftmax(ReferenceAffine output) implements ReferenceHead {

    @Override
    public double loss(double[] params, double[][][] top, HeadTargets targets, double[] gradients, double[][][] dTop) {
        int rows = top[0].length;
        int scored = 0;
        for (int target : targets.targets()) {
            scored += target == Kernels.PADDING ? 0 : 1;
        }
        double loss = 0;
        double[] logits = new double[output.rows()];  // (C)
        double[] dLogits = new double[output.rows()]; // (C)
        for (int t = 0; t < top.length; t++) {
            for (int n = 0; n < rows; n++) {
                int target = targets.targets()[t * rows + n];
                if (dTop != null) {
                    Arrays.fill(dTop[t][n], 0);
                }
                if (target == Kernels.PADDING) {
                    continue;
                }
                output.forward(params, top[t][n], logits);
                loss += ReferenceSoftmax.crossEntropy(logits, target, 1.0 / scored, dLogits);
                if (gradients != null) {
                    output.backward(params, gradients, top[t][n], dLogits, dTop[t][n]);
                }
            }
        }
        return loss / scored;
    }
}
