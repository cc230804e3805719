package org.rnn4j.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.rnn4j.InvalidInputException;
import org.rnn4j.check.GradientCheck;
import org.rnn4j.data.LabelledSequences;
import org.rnn4j.kernel.KernelProvider;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.ScalarKernels;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/** The feed-forward parity net: its gradients against centred differences of a double-precision reference, and what it learns. */
class FeedForwardParityTest {

    private static final int BITS = 3;
    private static final int HIDDEN = 4;
    private static final double STEP = 1e-5;

    @Test
    void itsGradientsAreTheReferencesCentredDifferences() {
        for (Kernels kernels : List.of(new ScalarKernels(), KernelProvider.kernels())) {
            ParityTask task = new ParityTask(BITS, 1);
            LabelledSequences batch = task.train(); // 6 vectors, one minibatch
            FeedForwardParity net = new FeedForwardParity(kernels, BITS, HIDDEN, new FeedForwardParity.Training(1, 8, 0.01f), 1);
            Parameters parameters = net.parameters();
            double[] theta = new double[parameters.values().length];
            SplittableRandom random = new SplittableRandom(4);
            for (int i = 0; i < theta.length; i++) {
                theta[i] = (float) random.nextDouble(-1, 1);
                parameters.values()[i] = (float) theta[i];
            }
            double loss = net.lossAndGradients(batch);
            assertEquals(referenceLoss(parameters.layout(), theta, batch), loss, 1e-6, kernels.name());

            double[] numeric = new double[theta.length];
            for (Tensor tensor : parameters.layout().tensors()) {
                for (int i = tensor.offset(); i < tensor.offset() + tensor.size(); i++) {
                    double saved = theta[i];
                    theta[i] = saved + STEP;
                    double plus = referenceLoss(parameters.layout(), theta, batch);
                    theta[i] = saved - STEP;
                    double minus = referenceLoss(parameters.layout(), theta, batch);
                    theta[i] = saved;
                    numeric[i] = (plus - minus) / (2 * STEP);
                }
            }
            List<GradientCheck.TensorError> errors = GradientCheck.compare(parameters.layout(), numeric, parameters.gradients());
            assertEquals(4, errors.size());
            assertTrue(GradientCheck.worst(errors) < 1e-3, kernels.name() + ": " + errors);
            assertTrue(Arrays.stream(numeric).anyMatch(g -> Math.abs(g) > 1e-2), "a gradient worth checking");
        }
    }

    @Test
    void enoughHiddenUnitsLearnTwelveBitParityAndOneUnitCannot() {
        ParityTask task = new ParityTask(12, 1);
        List<FeedForwardParity.Result> results = new FeedForwardParity.Sweep(List.of(1, 64), 2, FeedForwardParity.Training.defaults(), 1)
                .run(KernelProvider.kernels(), task, result -> { });
        FeedForwardParity.Result one = results.get(0);
        FeedForwardParity.Result many = results.get(1);
        assertEquals(1, one.hidden());
        assertEquals(64, many.hidden());
        // one tanh unit is monotone in each bit: at best a little above chance
        assertTrue(one.bestHeldOut() < 0.75 && Arrays.stream(one.train()).max().orElseThrow() < 0.75,
                "H = 1: held out " + Arrays.toString(one.heldOut()) + ", train " + Arrays.toString(one.train()));
        // 64 units fit every training vector and miss at most a few held-out ones
        assertArrayEquals(new double[] {1, 1}, many.train(), "H = 64, train");
        assertTrue(Arrays.stream(many.heldOut()).min().orElseThrow() > 0.98, "H = 64: held out " + Arrays.toString(many.heldOut()));
    }

    @Test
    void theSameSeedTrainsTheSameNet() {
        ParityTask task = new ParityTask(6, 2);
        float[] first = trained(task, 5);
        assertArrayEquals(first, trained(task, 5));
        assertFalse(Arrays.equals(first, trained(task, 6)));
    }

    @Test
    void refusesVectorsOfAnotherWidthAndBadSettings() {
        FeedForwardParity net = new FeedForwardParity(KernelProvider.kernels(), 4, 2, FeedForwardParity.Training.defaults(), 1);
        assertThrows(InvalidInputException.class, () -> net.accuracy(new ParityTask(5, 1).heldOut()));
        assertThrows(InvalidInputException.class, () -> new FeedForwardParity.Training(0, 8, 0.01f));
        assertThrows(InvalidInputException.class, () -> new FeedForwardParity.Training(10, 8, 0f));
        assertThrows(InvalidInputException.class, () -> new FeedForwardParity.Sweep(List.of(0), 1, FeedForwardParity.Training.defaults(), 1));
        assertThrows(InvalidInputException.class, () -> new FeedForwardParity.Sweep(List.of(2), 0, FeedForwardParity.Training.defaults(), 1));
        assertThrows(InvalidInputException.class, () -> new FeedForwardParity.Sweep(List.of(), 1, FeedForwardParity.Training.defaults(), 1));
    }

    /** The weights of an 8-unit net after 20 epochs on the training vectors of {@code task}, from {@code seed}. */
    private static float[] trained(ParityTask task, long seed) {
        FeedForwardParity net = new FeedForwardParity(KernelProvider.kernels(), task.bits(), 8, new FeedForwardParity.Training(20, 8, 0.03f), seed);
        net.train(task.train());
        return net.parameters().values();
    }

    /** L = −(1/N)·Σ log softmax(tanh(x·W_hᵀ + b_h)·W_oᵀ + b_o)[parity] in double, x the bits as ±1, per element. */
    private static double referenceLoss(ParameterLayout layout, double[] theta, LabelledSequences batch) {
        Tensor wh = layout.get(FeedForwardParity.HIDDEN_WEIGHT);
        Tensor bh = layout.get(FeedForwardParity.HIDDEN_BIAS);
        Tensor wo = layout.get(FeedForwardParity.OUTPUT_WEIGHT);
        Tensor bo = layout.get(FeedForwardParity.OUTPUT_BIAS);
        double loss = 0;
        for (int s = 0; s < batch.size(); s++) {
            int[] bits = batch.tokens()[s];
            double[] h = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double a = theta[bh.offset() + j];
                for (int d = 0; d < BITS; d++) {
                    a += theta[wh.offset() + j * BITS + d] * (2 * bits[d] - 1);
                }
                h[j] = Math.tanh(a);
            }
            double[] z = new double[2];
            for (int c = 0; c < 2; c++) {
                z[c] = theta[bo.offset() + c];
                for (int j = 0; j < HIDDEN; j++) {
                    z[c] += theta[wo.offset() + c * HIDDEN + j] * h[j];
                }
            }
            double max = Math.max(z[0], z[1]);
            double logSum = max + Math.log(Math.exp(z[0] - max) + Math.exp(z[1] - max));
            loss += logSum - z[batch.stepLabels()[s][BITS - 1]];
        }
        return loss / batch.size();
    }
}
