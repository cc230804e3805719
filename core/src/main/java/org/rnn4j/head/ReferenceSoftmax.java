package org.rnn4j.head;

/** Softmax cross-entropy of one prediction in double precision: what the heads' references share. */
public final class ReferenceSoftmax {

    private ReferenceSoftmax() {
    }

    /**
     * −log softmax(z)[target] for logits z (C), computed as log Σ e^{z − m} − (z[target] − m) with m = max z;
     * OVERWRITES {@code dLogits} (C), when not null, with dJ/dz · {@code scale} = (softmax(z) − onehot(target)) · scale.
     */
    public static double crossEntropy(double[] logits, int target, double scale, double[] dLogits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        for (double z : logits) {
            sum += Math.exp(z - max);
        }
        if (dLogits != null) {
            for (int c = 0; c < logits.length; c++) {
                dLogits[c] = (Math.exp(logits[c] - max) / sum - (c == target ? 1 : 0)) * scale;
            }
        }
        return Math.log(sum) - (logits[target] - max);
    }
}
