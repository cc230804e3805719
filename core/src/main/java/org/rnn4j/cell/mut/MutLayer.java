package org.rnn4j.cell.mut;

import java.util.Arrays;
import java.util.List;
import org.rnn4j.cell.mut.Architecture.Gate;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.kernel.PackedMatrix;
import org.rnn4j.nn.ActivationBlocks;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.StepMatrix;
import org.rnn4j.nn.StepWindow;
import org.rnn4j.tensor.Parameters;

/**
 * MUT layer: the projected gates' sums x·W_ihᵀ + b of all T·N rows at once, and the sum of the gate that reads
 * x itself (x + b_r, tanh(x) + b_h); then per step z += h_{t−1}·W_hh_zᵀ (or tanh(h_{t−1})·W_hh_zᵀ),
 * r += h_{t−1}·W_hh_rᵀ, z, r = σ, n += (r⊙h_{t−1})·W_hh_nᵀ, n = tanh and h_t = z⊙n + (1−z)⊙h_{t−1}. Backward
 * runs the steps in reverse and makes every weight gradient one GEMM over the window. State (N, H).
 */
final class MutLayer implements RecurrentLayer {

    private final Kernels kernels;
    private final Parameters parameters;
    private final Architecture architecture;
    private final MutTensors tensors;
    private final int hidden;
    private final int projectedWidth;    // K·H
    private final float[] projectedBias; // (K·H) the projected gates' bias blocks in W_ih's order, read each window
    private final float[] biasGradient;  // (K·H) their gradient over a window, before it goes to the bias's blocks
    private final StepMatrix update;     // W_hh_z (H, H); null for MUT1
    private final StepMatrix reset;      // W_hh_r (H, H)
    private final StepMatrix candidate;  // W_hh_n (H, H)

    MutLayer(Kernels kernels, Parameters parameters, Architecture architecture, MutTensors tensors) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.architecture = architecture;
        this.tensors = tensors;
        this.hidden = tensors.hidden();
        this.projectedWidth = architecture.projected().size() * hidden;
        this.projectedBias = new float[projectedWidth];
        this.biasGradient = new float[projectedWidth];
        this.update = tensors.weightHhZ() == null ? null : new StepMatrix(kernels, parameters, tensors.weightHhZ());
        this.reset = new StepMatrix(kernels, parameters, tensors.weightHhR());
        this.candidate = new StepMatrix(kernels, parameters, tensors.weightHhN());
    }

    @Override
    public int hiddenSize() {
        return hidden;
    }

    @Override
    public int stateSize(int rows) {
        return rows * hidden;
    }

    @Override
    public Window window(int steps, int rows, ActivationBlocks blocks) {
        return new MutWindow(steps, rows, update, reset, candidate);
    }

    /** {@code packed}: W_hh_z (MUT2 and MUT3), W_hh_r and W_hh_n, as the cell lists them. */
    @Override
    public Window window(int steps, int rows, ActivationBlocks blocks, List<PackedMatrix> packed) {
        int next = 0;
        StepMatrix packedUpdate = update == null ? null : update.readFrom(packed.get(next++));
        return new MutWindow(steps, rows, packedUpdate, reset.readFrom(packed.get(next++)), candidate.readFrom(packed.get(next)));
    }

    /** Where a gate lies in a window: at column {@code column} of rows {@code width} apart in {@code values}. */
    private record Block(float[] values, int column, int width) {

        /** The offset of the gate's H values at window position k = t·N + n. */
        int at(int position) {
            return position * width + column;
        }
    }

    /** The window keeps its gates and r⊙h_{t−1} of every step. */
    private final class MutWindow extends StepWindow {
        private final StepMatrix update;    // the step's products, from the parameters or packed copies
        private final StepMatrix reset;
        private final StepMatrix candidate;
        private final float[] projected;    // (T·N, K·H) the projected gates' sums, then activations, then dL/d(sum)
        private final float[] own;          // (T·N, H) likewise for the gate that reads x itself; null for MUT3
        private final Block z;
        private final Block r;
        private final Block n;
        private final float[] rh;           // (T·N, H) r⊙h_{t−1}
        private final float[] dhPrev;       // (N, H) the parts of dL/dh_{t−1} through z's mix and r⊙h
        private final float[] dRh;          // (N, H) dL/d(r⊙h_{t−1}); then, in MUT3, dL/d tanh(h_{t−1})
        private final float[] stateTanh;    // (N, H) tanh(h_{t−1}) in MUT3; null otherwise
        private final float[] dGate;        // (H) one row's dL/dz, then dL/dr
        private final float[] dCandidate;   // (H) one row's dL/dn

        MutWindow(int steps, int rows, StepMatrix update, StepMatrix reset, StepMatrix candidate) {
            super(steps, rows, MutLayer.this.hidden, null);
            this.update = update;
            this.reset = reset;
            this.candidate = candidate;
            this.projected = new float[steps * rows * projectedWidth];
            this.own = architecture.rawInput() == Architecture.RawInput.NONE ? null : new float[steps * block];
            this.z = block(Gate.Z);
            this.r = block(Gate.R);
            this.n = block(Gate.N);
            this.rh = new float[steps * block];
            this.dhPrev = new float[block];
            this.dRh = new float[block];
            this.stateTanh = architecture.updateInput() == Architecture.UpdateInput.TANH_STATE ? new float[block] : null;
            this.dGate = new float[hidden];
            this.dCandidate = new float[hidden];
        }

        private Block block(Gate gate) {
            int k = architecture.projected().indexOf(gate);
            return k < 0 ? new Block(own, 0, hidden) : new Block(projected, k * hidden, projectedWidth);
        }

        @Override
        public void forward(LayerInput input, float[] state) {
            int all = steps * rows;
            float[] w = parameters.values();
            List<Gate> gates = architecture.projected();
            for (int k = 0; k < gates.size(); k++) {
                System.arraycopy(w, tensors.bias().offset() + gates.get(k).ordinal() * hidden, projectedBias, k * hidden, hidden);
            }
            kernels.broadcastRows(projectedBias, 0, projectedWidth, all, projected, 0);
            input.addProjection(kernels, all, w, tensors.weightIh().offset(), projectedWidth, projected);
            addRawInput(input, all);
            System.arraycopy(state, 0, hs, 0, block);
            for (int t = 0; t < steps; t++) {
                int first = t * rows; // window position of step t's first row; its h_{t−1} is row `first` of hs
                int prev = t * block;
                addUpdateRecurrence(first, prev);
                reset.addProduct(rows, hs, prev, r.values(), r.at(first), r.width());
                for (int k = first; k < first + rows; k++) {
                    kernels.activate(Activation.SIGMOID, z.values(), z.at(k), hidden);
                    kernels.activate(Activation.SIGMOID, r.values(), r.at(k), hidden);
                    kernels.multiply(r.values(), r.at(k), hs, k * hidden, rh, k * hidden, hidden);
                }
                candidate.addProduct(rows, rh, prev, n.values(), n.at(first), n.width());
                for (int k = first; k < first + rows; k++) {
                    kernels.activate(Activation.TANH, n.values(), n.at(k), hidden);
                    // h_t = z⊙n + (1−z)⊙h_{t−1}
                    kernels.interpolate(z.values(), z.at(k), n.values(), n.at(k), hs, k * hidden,
                            hs, (k + rows) * hidden, hidden);
                }
            }
            System.arraycopy(hs, steps * block, state, 0, block);
        }

        /** The sum of the gate that reads x itself, for all R rows: x + b_r (MUT2) or tanh(x) + b_h (MUT1). */
        private void addRawInput(LayerInput input, int all) {
            float[] w = parameters.values();
            switch (architecture.rawInput()) {
                case NONE -> { }
                case INTO_R -> {
                    kernels.broadcastRows(w, tensors.bias().offset() + Gate.R.ordinal() * hidden, hidden, all, own, 0);
                    input.addRows(all, own, 0, hidden);
                }
                case TANH_INTO_N -> {
                    Arrays.fill(own, 0, all * hidden, 0f);
                    input.addRows(all, own, 0, hidden);
                    kernels.activate(Activation.TANH, own, 0, all * hidden);
                    int bias = tensors.bias().offset() + Gate.N.ordinal() * hidden;
                    for (int k = 0; k < all; k++) {
                        for (int j = 0; j < hidden; j++) {
                            own[k * hidden + j] += w[bias + j];
                        }
                    }
                }
            }
        }

        /** z's sum += h_{t−1}·W_hh_zᵀ (MUT2) or tanh(h_{t−1})·W_hh_zᵀ (MUT3) for step t. */
        private void addUpdateRecurrence(int first, int prev) {
            switch (architecture.updateInput()) {
                case NONE -> { }
                case STATE -> update.addProduct(rows, hs, prev, z.values(), z.at(first), z.width());
                case TANH_STATE -> {
                    System.arraycopy(hs, prev, stateTanh, 0, block);
                    kernels.activate(Activation.TANH, stateTanh, 0, block);
                    update.addProduct(rows, stateTanh, 0, z.values(), z.at(first), z.width());
                }
            }
        }

        /** Step t's gradients replace its activations, which nothing reads after it: no dGates buffer. */
        @Override
        public void backward(LayerInput input, float[] dOutput, float[] dState) {
            Arrays.fill(dh, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                int first = t * rows;
                int prev = t * block;
                addOutputGradient(dOutput, t);
                for (int q = 0; q < rows; q++) {
                    int k = first + q;
                    // h_t = z⊙n + (1−z)⊙h_{t−1}: dz, dn and the direct part of dL/dh_{t−1}
                    kernels.interpolateBackward(dh, q * hidden, z.values(), z.at(k), n.values(), n.at(k), hs, k * hidden,
                            dGate, 0, dCandidate, 0, dhPrev, q * hidden, hidden);
                    kernels.activationBackward(Activation.SIGMOID, z.values(), z.at(k), dGate, 0, hidden);
                    kernels.activationBackward(Activation.TANH, n.values(), n.at(k), dCandidate, 0, hidden);
                    System.arraycopy(dGate, 0, z.values(), z.at(k), hidden);
                    System.arraycopy(dCandidate, 0, n.values(), n.at(k), hidden);
                }
                // dL/d(r⊙h_{t−1}) (N, H) = dA_n·W_hh_n
                candidate.backpropagate(rows, n.values(), n.at(first), n.width(), 0f, dRh, 0);
                for (int q = 0; q < rows; q++) {
                    int k = first + q;
                    // r⊙h_{t−1}: dr = dRh⊙h_{t−1}, dL/dh_{t−1} += dRh⊙r
                    kernels.multiply(dRh, q * hidden, hs, k * hidden, dGate, 0, hidden);
                    kernels.addProduct(dRh, q * hidden, r.values(), r.at(k), dhPrev, q * hidden, hidden);
                    kernels.activationBackward(Activation.SIGMOID, r.values(), r.at(k), dGate, 0, hidden);
                    System.arraycopy(dGate, 0, r.values(), r.at(k), hidden);
                }
                // dL/dh_{t−1} = the direct parts + dA_r·W_hh_r + z's part
                System.arraycopy(dhPrev, 0, dh, 0, block);
                reset.backpropagate(rows, r.values(), r.at(first), r.width(), 1f, dh, 0);
                backpropagateUpdateRecurrence(first, prev);
            }
            System.arraycopy(dh, 0, dState, 0, block);
            accumulateGradients(input);
        }

        /** dh += dA_z·W_hh_z (MUT2), or (dA_z·W_hh_z)⊙(1 − tanh²h_{t−1}) (MUT3). */
        private void backpropagateUpdateRecurrence(int first, int prev) {
            switch (architecture.updateInput()) {
                case NONE -> { }
                case STATE -> update.backpropagate(rows, z.values(), z.at(first), z.width(), 1f, dh, 0);
                case TANH_STATE -> {
                    update.backpropagate(rows, z.values(), z.at(first), z.width(), 0f, dRh, 0);
                    System.arraycopy(hs, prev, stateTanh, 0, block);
                    kernels.activate(Activation.TANH, stateTanh, 0, block);
                    kernels.activationBackward(Activation.TANH, stateTanh, 0, dRh, 0, block);
                    for (int i = 0; i < block; i++) {
                        dh[i] += dRh[i];
                    }
                }
            }
        }

        /**
         * One GEMM each over all R = T·N rows: dW_ih += dA_projectedᵀ·x, dW_hh_r += dA_rᵀ·h_prev,
         * dW_hh_n += dA_nᵀ·(r⊙h_prev), dW_hh_z += dA_zᵀ·h_prev or ·tanh(h_prev); the bias blocks' column sums;
         * dx = dA_projected·W_ih into the input's gradient, and then the raw gate's share of dx.
         */
        private void accumulateGradients(LayerInput input) {
            int all = steps * rows;
            float[] w = parameters.values();
            float[] g = parameters.gradients();
            int bias = tensors.bias().offset();
            input.addWeightGradient(kernels, all, projected, projectedWidth, g, tensors.weightIh().offset());
            Arrays.fill(biasGradient, 0f);
            kernels.addColumnSums(projected, 0, all, projectedWidth, biasGradient, 0);
            List<Gate> gates = architecture.projected();
            for (int k = 0; k < gates.size(); k++) {
                int to = bias + gates.get(k).ordinal() * hidden;
                for (int j = 0; j < hidden; j++) {
                    g[to + j] += biasGradient[k * hidden + j];
                }
            }
            if (own != null) {
                kernels.addColumnSums(own, 0, all, hidden, g, bias + architecture.rawInput().gate().ordinal() * hidden);
            }
            reset.addWeightGradient(all, r.values(), r.at(0), r.width(), hs, 0);
            candidate.addWeightGradient(all, n.values(), n.at(0), n.width(), rh, 0);
            switch (architecture.updateInput()) {
                case NONE -> { }
                case STATE -> update.addWeightGradient(all, z.values(), z.at(0), z.width(), hs, 0);
                case TANH_STATE -> {
                    // r⊙h_prev is spent: it takes tanh(h_prev) of every row
                    System.arraycopy(hs, 0, rh, 0, all * hidden);
                    kernels.activate(Activation.TANH, rh, 0, all * hidden);
                    update.addWeightGradient(all, z.values(), z.at(0), z.width(), rh, 0);
                }
            }
            if (architecture.rawInput() == Architecture.RawInput.TANH_INTO_N) {
                // dL/dx = dA_n⊙(1 − tanh²x), tanh(x) recomputed into the spent r⊙h_prev before dx is written
                Arrays.fill(rh, 0, all * hidden, 0f);
                input.addRows(all, rh, 0, hidden);
                kernels.activate(Activation.TANH, rh, 0, all * hidden);
                kernels.activationBackward(Activation.TANH, rh, 0, own, 0, all * hidden);
            }
            input.backpropagate(kernels, all, projected, projectedWidth, w, tensors.weightIh().offset());
            if (own != null) {
                input.addRowGradient(all, own, 0, hidden);
            }
        }
    }
}
