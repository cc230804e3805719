package org.rnn4j.cell.grucho;

import java.util.Arrays;
import java.util.List;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.StepMatrix;
import org.rnn4j.nn.StepMatrixLayer;
import org.rnn4j.nn.StepWindow;
import org.rnn4j.tensor.Parameters;

/**
 * Cho GRU layer: a = x·W_ihᵀ + b_ih + b_hh split r|z|n; r, z = σ(a_rz + h_{t−1}·W_hh_rzᵀ);
 * n = tanh(a_n + (r⊙h_{t−1})·W_hh_nᵀ); h_t = (1−z)⊙n + z⊙h_{t−1}. Two recurrent products per step,
 * the second waiting for r. State (N, H).
 */
final class GruChoLayer extends StepMatrixLayer {

    private final GruChoTensors tensors;
    private final int gateWidth;      // 3H
    private final float[] bothBiases; // (3H) b_ih + b_hh, refreshed each window

    /** The steps multiply by W_hh_rz (2H, H), then W_hh_n (H, H). */
    GruChoLayer(Kernels kernels, Parameters parameters, GruChoTensors tensors) {
        super(kernels, parameters, tensors.hidden(), List.of(tensors.weightHhRz(), tensors.weightHhN()));
        this.tensors = tensors;
        this.gateWidth = 3 * hidden;
        this.bothBiases = new float[gateWidth];
    }

    @Override
    protected Window newWindow(int steps, int rows, List<StepMatrix> matrices) {
        return new ChoWindow(steps, rows, matrices.get(0), matrices.get(1));
    }

    /** The window keeps its gates and r⊙h_{t−1} of every step; the products read W_hh_rz and W_hh_n. */
    private final class ChoWindow extends StepWindow {
        private final StepMatrix gatesMatrix;     // W_hh_rz (2H, H), from the parameters or a packed copy
        private final StepMatrix candidateMatrix; // W_hh_n (H, H), likewise
        private final float[] gates;  // (T·N, 3H) pre-activations r|z|n, then activations, then dL/d(pre-activation)
        private final float[] rh;     // (T·N, H) r⊙h_{t−1}
        private final float[] dRh;    // (N, H) dL/d(r⊙h_{t−1})
        private final float[] dhPrev; // (N, H) dL/dh_{t−1} but for the part through W_hh_rz
        private final float[] dGate;  // (H) one row's dL/dz, then dL/dr
        private final float[] dCandidate; // (H) one row's dL/dn

        ChoWindow(int steps, int rows, StepMatrix gatesMatrix, StepMatrix candidateMatrix) {
            super(steps, rows, GruChoLayer.this.hidden, null);
            this.gatesMatrix = gatesMatrix;
            this.candidateMatrix = candidateMatrix;
            this.gates = new float[steps * rows * gateWidth];
            this.rh = new float[steps * block];
            this.dRh = new float[block];
            this.dhPrev = new float[block];
            this.dGate = new float[hidden];
            this.dCandidate = new float[hidden];
        }

        @Override
        public void forward(LayerInput input, float[] state) {
            float[] w = parameters.values();
            for (int j = 0; j < gateWidth; j++) {
                bothBiases[j] = w[tensors.biasIh().offset() + j] + w[tensors.biasHh().offset() + j];
            }
            kernels.broadcastRows(bothBiases, 0, gateWidth, steps * rows, gates, 0);
            input.addProjection(kernels, steps * rows, w, tensors.weightIh().offset(), gateWidth, gates);
            System.arraycopy(state, 0, hs, 0, block);
            for (int t = 0; t < steps; t++) {
                int g = t * rows * gateWidth;
                int prev = t * block;
                gatesMatrix.addProduct(rows, hs, prev, gates, g, gateWidth);
                for (int r = 0; r < rows; r++) {
                    kernels.activate(Activation.SIGMOID, gates, g + r * gateWidth, 2 * hidden);
                    kernels.multiply(gates, g + r * gateWidth, hs, prev + r * hidden, rh, prev + r * hidden, hidden);
                }
                candidateMatrix.addProduct(rows, rh, prev, gates, g + 2 * hidden, gateWidth);
                for (int r = 0; r < rows; r++) {
                    int row = g + r * gateWidth;
                    kernels.activate(Activation.TANH, gates, row + 2 * hidden, hidden);
                    // h_t = z⊙h_{t−1} + (1−z)⊙n
                    kernels.interpolate(gates, row + hidden, hs, prev + r * hidden, gates, row + 2 * hidden,
                            hs, prev + block + r * hidden, hidden);
                }
            }
            System.arraycopy(hs, steps * block, state, 0, block);
        }

        /** Step t's gradients replace its activations, which nothing reads after it: no dGates buffer. */
        @Override
        public void backward(LayerInput input, float[] dOutput, float[] dState) {
            Arrays.fill(dh, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                int g = t * rows * gateWidth;
                int prev = t * block;
                addOutputGradient(dOutput, t);
                for (int r = 0; r < rows; r++) {
                    int row = g + r * gateWidth;
                    // h_t = z⊙h_{t−1} + (1−z)⊙n: dz, the direct part of dL/dh_{t−1}, dn
                    kernels.interpolateBackward(dh, r * hidden, gates, row + hidden, hs, prev + r * hidden,
                            gates, row + 2 * hidden, dGate, 0, dhPrev, r * hidden, dCandidate, 0, hidden);
                    kernels.activationBackward(Activation.SIGMOID, gates, row + hidden, dGate, 0, hidden);
                    kernels.activationBackward(Activation.TANH, gates, row + 2 * hidden, dCandidate, 0, hidden);
                    System.arraycopy(dGate, 0, gates, row + hidden, hidden);
                    System.arraycopy(dCandidate, 0, gates, row + 2 * hidden, hidden);
                }
                // dL/d(r⊙h_{t−1}) (N, H) = dA_n·W_hh_n
                candidateMatrix.backpropagate(rows, gates, g + 2 * hidden, gateWidth, 0f, dRh, 0);
                for (int r = 0; r < rows; r++) {
                    int row = g + r * gateWidth;
                    // r⊙h_{t−1}: dr = dRh⊙h_{t−1}, dL/dh_{t−1} += dRh⊙r
                    kernels.multiply(dRh, r * hidden, hs, prev + r * hidden, dGate, 0, hidden);
                    kernels.addProduct(dRh, r * hidden, gates, row, dhPrev, r * hidden, hidden);
                    kernels.activationBackward(Activation.SIGMOID, gates, row, dGate, 0, hidden);
                    System.arraycopy(dGate, 0, gates, row, hidden);
                }
                // dL/dh_{t−1} = the direct parts + dA_rz·W_hh_rz
                System.arraycopy(dhPrev, 0, dh, 0, block);
                gatesMatrix.backpropagate(rows, gates, g, gateWidth, 1f, dh, 0);
            }
            System.arraycopy(dh, 0, dState, 0, block);
            accumulateGradients(input);
        }

        /**
         * One GEMM each over all R = T·N rows: dW_ih += dAᵀ·x, db_ih and db_hh += Σ dA, dW_hh_rz += dA_rzᵀ·h_prev,
         * dW_hh_n += dA_nᵀ·(r⊙h_prev), and dx = dA·W_ih into the input's gradient.
         */
        private void accumulateGradients(LayerInput input) {
            float[] w = parameters.values();
            float[] grad = parameters.gradients();
            int all = steps * rows;
            input.addWeightGradient(kernels, all, gates, gateWidth, grad, tensors.weightIh().offset());
            kernels.addColumnSums(gates, 0, all, gateWidth, grad, tensors.biasIh().offset());
            kernels.addColumnSums(gates, 0, all, gateWidth, grad, tensors.biasHh().offset());
            gatesMatrix.addWeightGradient(all, gates, 0, gateWidth, hs, 0);
            candidateMatrix.addWeightGradient(all, gates, 2 * hidden, gateWidth, rh, 0);
            input.backpropagate(kernels, all, gates, gateWidth, w, tensors.weightIh().offset());
        }
    }
}
