package org.rnn4j.cell.rru;

import java.util.Arrays;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.nn.ActivationBlocks;
import org.rnn4j.nn.FusedGateLayer;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.nn.StepWindow;
import org.rnn4j.tensor.Parameters;

/**
 * Rated recurrent unit layer: a = x·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh split ĥ|z; ĥ = tanh(a_ĥ), z = σ(a_z);
 * h_t = (1−z)⊙h_{t−1} + z⊙ĥ. State (N, H).
 */
final class RruLayer extends FusedGateLayer {

    RruLayer(Kernels kernels, Parameters parameters, RecurrentTensors tensors) {
        super(kernels, parameters, tensors, 1);
    }

    @Override
    protected Window newWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
        return new RruWindow(steps, rows, blocks, packedHh);
    }

    /** The window keeps its gates (ĥ and z are not recoverable from h alone); it borrows only the packed W_hh. */
    private final class RruWindow extends StepWindow {
        private final ActivationBlocks blocks;
        private final float[] gates;  // (T·N, 2H) pre-activations ĥ|z, then activations, then dL/d(pre-activation)
        private final float[] dhPrev; // (N, H) the (1−z)⊙dh part of dL/dh_{t−1}
        private final float[] dGates; // (2H) one row's dL/dĥ|dL/dz, then dL/d(pre-activation)

        RruWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
            super(steps, rows, RruLayer.this.hidden, packedHh);
            this.blocks = blocks;
            this.gates = new float[steps * rows * 2 * hidden];
            this.dhPrev = new float[block];
            this.dGates = new float[2 * hidden];
        }

        @Override
        public void forward(LayerInput input, float[] state) {
            Kernels kernels = weights.kernels();
            System.arraycopy(state, 0, hs, 0, block);
            weights.projectInputWithBothBiases(input, steps * rows, gates);
            weights.prepareSteps(packedHh, blocks);
            for (int t = 0; t < steps; t++) {
                int g = t * rows * 2 * hidden;
                int prev = t * block;
                weights.addRecurrent(packedHh, hs, prev, rows, gates, g);
                for (int r = 0; r < rows; r++) {
                    int row = g + r * 2 * hidden;
                    kernels.activate(Activation.TANH, gates, row, hidden);
                    kernels.activate(Activation.SIGMOID, gates, row + hidden, hidden);
                    // h_t = z⊙ĥ + (1−z)⊙h_{t−1}
                    kernels.interpolate(gates, row + hidden, gates, row, hs, prev + r * hidden,
                            hs, prev + block + r * hidden, hidden);
                }
            }
            System.arraycopy(hs, steps * block, state, 0, block);
        }

        /** Step t's gradients replace its gates, which nothing reads after it: no dGates block. */
        @Override
        public void backward(LayerInput input, float[] dOutput, float[] dState) {
            Kernels kernels = weights.kernels();
            Arrays.fill(dh, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                int g = t * rows * 2 * hidden;
                int prev = t * block;
                addOutputGradient(dOutput, t);
                for (int r = 0; r < rows; r++) {
                    int row = g + r * 2 * hidden;
                    // h_t = z⊙ĥ + (1−z)⊙h_{t−1}: dz, dĥ and the direct part of dL/dh_{t−1}
                    kernels.interpolateBackward(dh, r * hidden, gates, row + hidden, gates, row, hs, prev + r * hidden,
                            dGates, hidden, dGates, 0, dhPrev, r * hidden, hidden);
                    kernels.activationBackward(Activation.TANH, gates, row, dGates, 0, hidden);
                    kernels.activationBackward(Activation.SIGMOID, gates, row + hidden, dGates, hidden, hidden);
                    System.arraycopy(dGates, 0, gates, row, 2 * hidden);
                }
                // dL/dh_{t−1} = (1−z)⊙dh + dA·W_hh
                System.arraycopy(dhPrev, 0, dh, 0, block);
                weights.backpropagateRecurrent(gates, g, rows, 1f, dh);
            }
            System.arraycopy(dh, 0, dState, 0, block);
            weights.accumulateGradients(input, steps * rows, gates, gates, hs);
        }
    }
}
