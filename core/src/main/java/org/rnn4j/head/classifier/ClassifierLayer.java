package org.rnn4j.head.classifier;

import java.util.Arrays;
import org.rnn4j.head.HeadLayer;
import org.rnn4j.head.HeadTargets;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Linear;

/**
 * {@link ClassifierHead} over whole windows: pools each row's top outputs over its {@link HeadTargets#lengths()}
 * real steps, so padding reaches neither the prediction nor the gradient, then one (N, H)·(H, C) product and
 * the softmax cross-entropy of all N rows. A row of length 0 (a window's unused row) pools to zero and has no
 * label.
 */
final class ClassifierLayer implements HeadLayer {

    private final Kernels kernels;
    private final Linear linear; // W (C, H), b (C)
    private final Pooling pooling;
    private final int hidden;    // H

    ClassifierLayer(Kernels kernels, Linear linear, Pooling pooling, int hidden) {
        this.kernels = kernels;
        this.linear = linear;
        this.pooling = pooling;
        this.hidden = hidden;
    }

    @Override
    public HeadLayer.Window window(int steps, int rows) {
        return new Window(rows);
    }

    private final class Window implements HeadLayer.Window {

        private final int rows;             // N
        private final float[] pooled;       // (N, H)
        private final float[] dPooled;      // (N, H)
        private final int[] maxStep;        // (N, H) the step each max came from; null unless max pooling
        private final float[] logits;       // (N, C) logits, then probabilities
        private final long[] correct = new long[1];
        private int scored;

        Window(int rows) {
            this.rows = rows;
            this.pooled = new float[rows * hidden];
            this.dPooled = new float[rows * hidden];
            this.maxStep = pooling == Pooling.MAX ? new int[rows * hidden] : null;
            this.logits = new float[rows * linear.outputs()];
        }

        @Override
        public float[] logits(float[] top, int topOffset, int steps, HeadTargets targets) {
            pool(top, topOffset, steps, targets.lengths());
            linear.forward(pooled, 0, rows, logits);
            return logits;
        }

        @Override
        public double forward(float[] top, int topOffset, int steps, HeadTargets targets) {
            logits(top, topOffset, steps, targets);
            correct[0] = 0;
            scored = 0;
            for (int n = 0; n < rows; n++) {
                if (targets.labels()[n] != Kernels.PADDING) {
                    scored++;
                }
            }
            return kernels.softmaxCrossEntropy(logits, rows, linear.outputs(), targets.labels(), 0, correct);
        }

        @Override
        public void backward(float[] top, int topOffset, int steps, HeadTargets targets, float[] dTop) {
            kernels.softmaxCrossEntropyBackward(logits, rows, linear.outputs(), targets.labels(), 0, 1f / Math.max(1, scored));
            linear.backward(pooled, 0, rows, logits, dPooled);
            Arrays.fill(dTop, 0, steps * rows * hidden, 0f);
            int[] lengths = targets.lengths();
            for (int n = 0; n < rows; n++) {
                int length = lengths[n];
                int row = n * hidden;
                switch (pooling) {
                    case LAST -> {
                        if (length > 0) {
                            System.arraycopy(dPooled, row, dTop, ((length - 1) * rows + n) * hidden, hidden);
                        }
                    }
                    case MEAN -> {
                        for (int t = 0; t < length; t++) {
                            int at = (t * rows + n) * hidden;
                            for (int j = 0; j < hidden; j++) {
                                dTop[at + j] = dPooled[row + j] / length;
                            }
                        }
                    }
                    case MAX -> {
                        if (length > 0) {
                            for (int j = 0; j < hidden; j++) {
                                dTop[(maxStep[row + j] * rows + n) * hidden + j] = dPooled[row + j];
                            }
                        }
                    }
                }
            }
        }

        /** pooled (N, H) from top (T·N, H) at {@code offset}, each row over its first {@code lengths[n]} steps. */
        private void pool(float[] top, int offset, int steps, int[] lengths) {
            Arrays.fill(pooled, 0f);
            for (int n = 0; n < rows; n++) {
                int length = lengths[n];
                if (length > steps) {
                    throw new IllegalArgumentException("row " + n + " has length " + length + " in a window of " + steps + " steps");
                }
                int row = n * hidden;
                switch (pooling) {
                    case LAST -> {
                        if (length > 0) {
                            System.arraycopy(top, offset + ((length - 1) * rows + n) * hidden, pooled, row, hidden);
                        }
                    }
                    case MEAN -> {
                        for (int t = 0; t < length; t++) {
                            int at = offset + (t * rows + n) * hidden;
                            for (int j = 0; j < hidden; j++) {
                                pooled[row + j] += top[at + j];
                            }
                        }
                        for (int j = 0; j < hidden && length > 0; j++) {
                            pooled[row + j] /= length;
                        }
                    }
                    case MAX -> {
                        for (int t = 0; t < length; t++) {
                            int at = offset + (t * rows + n) * hidden;
                            for (int j = 0; j < hidden; j++) {
                                if (t == 0 || top[at + j] > pooled[row + j]) {
                                    pooled[row + j] = top[at + j];
                                    maxStep[row + j] = t;
                                }
                            }
                        }
                    }
                }
            }
        }

        @Override
        public float[] probabilities() {
            return logits;
        }

        @Override
        public int scored() {
            return scored;
        }

        @Override
        public long correct() {
            return correct[0];
        }
    }
}
