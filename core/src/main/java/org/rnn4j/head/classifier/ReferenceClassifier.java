package org.rnn4j.head.classifier;

import java.util.Arrays;
import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.head.HeadTargets;
import org.rnn4j.head.ReferenceHead;
import org.rnn4j.head.ReferenceSoftmax;
import org.rnn4j.kernel.Kernels;

/**
 * {@link ClassifierHead} in double precision: per row n of length len, p = pool(h_{0,n} … h_{len−1,n}) (H),
 * z = W·p + b (C); J = (1 / S) Σ_n −log softmax(z)[label_n] over the S rows with a label.
 */
record ReferenceClassifier(ReferenceAffine output, Pooling pooling) implements ReferenceHead {

    @Override
    public double loss(double[] params, double[][][] top, HeadTargets targets, double[] gradients, double[][][] dTop) {
        int rows = top[0].length;
        int hidden = top[0][0].length;
        int scored = 0;
        for (int label : targets.labels()) {
            scored += label == Kernels.PADDING ? 0 : 1;
        }
        if (dTop != null) {
            for (double[][] step : dTop) {
                for (double[] row : step) {
                    Arrays.fill(row, 0);
                }
            }
        }
        double loss = 0;
        for (int n = 0; n < rows; n++) {
            int label = targets.labels()[n];
            int length = targets.lengths()[n];
            if (label == Kernels.PADDING) {
                continue;
            }
            double[] pooled = new double[hidden];
            int[] from = new int[hidden]; // the step each max came from
            for (int j = 0; j < hidden; j++) {
                for (int t = 0; t < length; t++) {
                    double h = top[t][n][j];
                    switch (pooling) {
                        case LAST -> pooled[j] = top[length - 1][n][j];
                        case MEAN -> pooled[j] += h / length;
                        case MAX -> {
                            if (t == 0 || h > pooled[j]) {
                                pooled[j] = h;
                                from[j] = t;
                            }
                        }
                    }
                }
            }
            double[] logits = new double[output.rows()];
            double[] dLogits = new double[output.rows()];
            output.forward(params, pooled, logits);
            loss += ReferenceSoftmax.crossEntropy(logits, label, 1.0 / scored, dLogits);
            if (gradients == null) {
                continue;
            }
            double[] dPooled = new double[hidden];
            output.backward(params, gradients, pooled, dLogits, dPooled);
            for (int j = 0; j < hidden; j++) {
                switch (pooling) {
                    case LAST -> dTop[length - 1][n][j] = dPooled[j];
                    case MEAN -> {
                        for (int t = 0; t < length; t++) {
                            dTop[t][n][j] = dPooled[j] / length;
                        }
                    }
                    case MAX -> dTop[from[j]][n][j] = dPooled[j];
                }
            }
        }
        return loss / scored;
    }
}
