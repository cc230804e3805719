package org.rnn4j.cell.gru;

import java.util.Arrays;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.nn.ActivationBlocks;
import org.rnn4j.nn.FusedGateLayer;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.nn.StepWindow;
import org.rnn4j.tensor.Parameters;

/**
 * GRU layer (PyTorch's formulation): r = σ(W_ir x + b_ir + W_hr h + b_hr), z likewise,
 * n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)), h_t = (1−z)⊙n + z⊙h_{t−1}. State (N, H).
 */
final class GruLayer extends FusedGateLayer {

    GruLayer(Kernels kernels, Parameters parameters, RecurrentTensors tensors) {
        super(kernels, parameters, tensors, 1);
    }

    @Override
    protected Window newWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
        return new GruWindow(steps, rows, blocks, packedHh);
    }

    /**
     * Shares gi, which is cheap to recompute from the kept gh and the input. gh stays the window's own:
     * recomputing it would cost the recurrent GEMM.
     */
    private final class GruWindow extends StepWindow {
        private static final int GI = 0; // (T·N, 3H) x·W_ihᵀ + b_ih, then r|z|n, then dL/d(x·W_ihᵀ + b_ih)
        private final ActivationBlocks blocks;
        private final float[] gh;     // (T·N, 3H) h_{t−1}·W_hhᵀ + b_hh, then dL/d(h·W_hhᵀ + b_hh)
        private final float[] dhPrev; // (N, H) the z⊙dh part of dL/dh_{t−1}

        GruWindow(int steps, int rows, ActivationBlocks blocks, PackedMatrix packedHh) {
            super(steps, rows, GruLayer.this.hidden, packedHh);
            this.blocks = blocks;
            blocks.reserve(GI, steps * rows * 3 * hidden);
            this.gh = new float[steps * rows * 3 * hidden];
            this.dhPrev = new float[rows * hidden];
        }

        @Override
        public void forward(LayerInput input, float[] state) {
            Kernels kernels = weights.kernels();
            blocks.hold(this);
            float[] gi = blocks.get(GI);
            System.arraycopy(state, 0, hs, 0, block);
            weights.projectInput(input, steps * rows, gi);
            weights.broadcastHiddenBias(steps * rows, gh);
            weights.prepareSteps(packedHh, blocks);
            for (int t = 0; t < steps; t++) {
                int gateOffset = t * rows * 3 * hidden;
                weights.addRecurrent(packedHh, hs, t * block, rows, gh, gateOffset);
                kernels.gruForward(rows, hidden, gi, gateOffset, gh, gateOffset, hs, t * block, (t + 1) * block);
            }
            System.arraycopy(hs, steps * block, state, 0, block);
        }

        /** Refills a shared gi that another layer's forward took over; the steps write the kept h again. */
        private void recompute(LayerInput input) {
            Kernels kernels = weights.kernels();
            blocks.hold(this);
            float[] gi = blocks.get(GI);
            weights.projectInput(input, steps * rows, gi);
            for (int t = 0; t < steps; t++) {
                int gateOffset = t * rows * 3 * hidden;
                kernels.gruForward(rows, hidden, gi, gateOffset, gh, gateOffset, hs, t * block, (t + 1) * block);
            }
        }

        /** Step t's gradients replace its gi and gh, which nothing reads after it: no dGi, dGh buffers. */
        @Override
        public void backward(LayerInput input, float[] dOutput, float[] dState) {
            if (!blocks.heldBy(this)) {
                recompute(input);
            }
            Kernels kernels = weights.kernels();
            float[] gi = blocks.get(GI);
            Arrays.fill(dh, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                int gateOffset = t * rows * 3 * hidden;
                addOutputGradient(dOutput, t);
                kernels.gruBackward(rows, hidden, gi, gateOffset, gh, gateOffset, hs, t * block, dh, 0,
                        gi, gh, gateOffset, dhPrev);
                System.arraycopy(dhPrev, 0, dh, 0, block);
                weights.backpropagateRecurrent(gh, gateOffset, rows, 1f, dh);
            }
            System.arraycopy(dh, 0, dState, 0, block);
            weights.accumulateGradients(input, steps * rows, gi, gh, hs);
        }
    }
}
