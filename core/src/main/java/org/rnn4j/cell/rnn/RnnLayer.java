package org.rnn4j.cell.rnn;

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

/** Vanilla (Elman) layer: h_t = f(x·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh), f = tanh, relu or σ. State (N, H). */
final class RnnLayer extends FusedGateLayer {

    private final Activation activation;

    RnnLayer(Kernels kernels, Parameters parameters, RecurrentTensors tensors, Activation activation) {
        super(kernels, parameters, tensors, 1);
        this.activation = activation;
    }

    @Override
    protected Window newWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
        return new RnnWindow(steps, rows, blocks, packedHh);
    }

    /** The window keeps only its outputs: dA is staging in forward and scratch in backward, so it can be shared. */
    private final class RnnWindow extends StepWindow {
        private static final int PRE_ACTIVATIONS = 0; // (T·N, H) dL/d(pre-activation); forward stages x·W_ihᵀ + b_ih + b_hh here
        private final ActivationBlocks blocks;

        RnnWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
            super(steps, rows, RnnLayer.this.hidden, packedHh);
            this.blocks = blocks;
            blocks.reserve(PRE_ACTIVATIONS, steps * rows * hidden);
        }

        @Override
        public void forward(LayerInput x, float[] state) {
            Kernels kernels = weights.kernels();
            float[] dA = blocks.get(PRE_ACTIVATIONS);
            System.arraycopy(state, 0, hs, 0, block);
            weights.projectInputWithBothBiases(x, steps * rows, dA);
            System.arraycopy(dA, 0, hs, block, steps * block);
            weights.prepareSteps(packedHh, blocks);
            for (int t = 0; t < steps; t++) {
                weights.addRecurrent(packedHh, hs, t * block, rows, hs, (t + 1) * block);
                kernels.activate(activation, hs, (t + 1) * block, block);
            }
            System.arraycopy(hs, steps * block, state, 0, block);
        }

        @Override
        public void backward(LayerInput x, float[] dOutput, float[] dState) {
            Kernels kernels = weights.kernels();
            float[] dA = blocks.get(PRE_ACTIVATIONS);
            Arrays.fill(dh, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                for (int i = 0; i < block; i++) {
                    dA[t * block + i] = dOutput[t * block + i] + dh[i];
                }
                kernels.activationBackward(activation, hs, (t + 1) * block, dA, t * block, block);
                weights.backpropagateRecurrent(dA, t * block, rows, 0f, dh);
            }
            System.arraycopy(dh, 0, dState, 0, block);
            weights.accumulateGradients(x, steps * rows, dA, dA, hs);
        }
    }
}
