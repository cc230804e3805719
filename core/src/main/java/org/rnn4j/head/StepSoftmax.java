package org.rnn4j.head;

import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Linear;

/**
 * A prediction at every step: logits z = h·Wᵀ + b (T·N, C) from the top outputs h (T·N, H), softmax
 * cross-entropy against {@link HeadTargets#targets()}. The language model's decoder and the labeller's
 * output layer both run as this.
 */
public final class StepSoftmax implements HeadLayer {

    private final Kernels kernels;
    private final Linear linear; // W (C, H), b (C)

    public StepSoftmax(Kernels kernels, Linear linear) {
        this.kernels = kernels;
        this.linear = linear;
    }

    @Override
    public HeadLayer.Window window(int steps, int rows) {
        return new Window(rows, new float[Math.multiplyExact(Math.multiplyExact(steps, rows), linear.outputs())]);
    }

    private final class Window implements HeadLayer.Window {

        private final int rows;
        private final float[] logits;             // (T·N, C) logits, then probabilities
        private final long[] correct = new long[1];
        private int scored;

        Window(int rows, float[] logits) {
            this.rows = rows;
            this.logits = logits;
        }

        @Override
        public float[] logits(float[] top, int topOffset, int steps, HeadTargets targets) {
            linear.forward(top, topOffset, steps * rows, logits);
            return logits;
        }

        @Override
        public double forward(float[] top, int topOffset, int steps, HeadTargets targets) {
            int count = steps * rows;
            logits(top, topOffset, steps, targets);
            correct[0] = 0;
            scored = 0;
            for (int r = 0; r < count; r++) {
                if (targets.targets()[r] != Kernels.PADDING) {
                    scored++;
                }
            }
            return kernels.softmaxCrossEntropy(logits, count, linear.outputs(), targets.targets(), 0, correct);
        }

        @Override
        public void backward(float[] top, int topOffset, int steps, HeadTargets targets, float[] dTop) {
            int count = steps * rows;
            kernels.softmaxCrossEntropyBackward(logits, count, linear.outputs(), targets.targets(), 0, 1f / Math.max(1, scored));
            linear.backward(top, topOffset, count, logits, dTop);
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
