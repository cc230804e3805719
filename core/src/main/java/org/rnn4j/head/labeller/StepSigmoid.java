package org.rnn4j.head.labeller;

import org.rnn4j.head.HeadLayer;
import org.rnn4j.head.HeadTargets;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.Linear;

/**
 * A binary label at every step: one logit z = h·wᵀ + b per position (T·N, 1) from the top outputs h (T·N, H),
 * p = σ(z) the probability of label 1, and the binary cross-entropy −y·log p − (1−y)·log(1−p) = softplus(z) − y·z
 * against {@link HeadTargets#targets()}. Probabilities are given for both labels, (T·N, 2), as a softmax head
 * gives them.
 */
final class StepSigmoid implements HeadLayer {

    private final Linear linear; // w (1, H), b (1)

    StepSigmoid(Linear linear) {
        this.linear = linear;
    }

    @Override
    public HeadLayer.Window window(int steps, int rows) {
        int count = Math.multiplyExact(steps, rows);
        return new Window(rows, new float[count], new float[2 * count]);
    }

    private final class Window implements HeadLayer.Window {

        private final int rows;
        private final float[] logits;        // (T·N, 1) z, then dJ/dz in backward
        private final float[] probabilities; // (T·N, 2) 1 − σ(z), σ(z)
        private long correct;
        private int scored;

        Window(int rows, float[] logits, float[] probabilities) {
            this.rows = rows;
            this.logits = logits;
            this.probabilities = probabilities;
        }

        @Override
        public float[] logits(float[] top, int topOffset, int steps, HeadTargets targets) {
            linear.forward(top, topOffset, steps * rows, logits);
            return logits;
        }

        @Override
        public double forward(float[] top, int topOffset, int steps, HeadTargets targets) {
            logits(top, topOffset, steps, targets);
            double loss = 0;
            correct = 0;
            scored = 0;
            for (int r = 0; r < steps * rows; r++) {
                double z = logits[r];
                float p = (float) (1 / (1 + Math.exp(-z)));
                probabilities[2 * r] = 1 - p;
                probabilities[2 * r + 1] = p;
                int target = targets.targets()[r];
                if (target == Kernels.PADDING) {
                    continue;
                }
                scored++;
                // softplus(z) − y·z, computed as max(z, 0) + log(1 + e^{−|z|}) − y·z, exact for large |z|
                loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - target * z;
                correct += (p > 0.5f ? 1 : 0) == target ? 1 : 0;
            }
            return loss;
        }

        @Override
        public void backward(float[] top, int topOffset, int steps, HeadTargets targets, float[] dTop) {
            float scale = 1f / Math.max(1, scored);
            for (int r = 0; r < steps * rows; r++) {
                int target = targets.targets()[r];
                logits[r] = target == Kernels.PADDING ? 0f : (probabilities[2 * r + 1] - target) * scale; // dJ/dz = (σ(z) − y) / S
            }
            linear.backward(top, topOffset, steps * rows, logits, dTop);
        }

        @Override
        public float[] probabilities() {
            return probabilities;
        }

        @Override
        public int scored() {
            return scored;
        }

        @Override
        public long correct() {
            return correct;
        }
    }
}
