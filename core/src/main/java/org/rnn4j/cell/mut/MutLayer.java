package org.rnn4j.cell.mut;

import java.util.Arrays;
import java.util.List;
import org.rnn4j.cell.mut.Architecture.Gate;
import org.rnn4j.kernel.Activation;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.RowTasks;
import org.rnn4j.nn.StepMatrix;
import org.rnn4j.nn.StepMatrixLayer;
import org.rnn4j.nn.StepWindow;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * MUT layer: the projected gates' sums x·W_ihᵀ + b of all T·N rows at once, and the sum of the gate that reads
 * x itself (x + b_r, tanh(x) + b_h); then per step z += h_{t−1}·W_hh_zᵀ (or tanh(h_{t−1})·W_hh_zᵀ),
 * r += h_{t−1}·W_hh_rᵀ, z, r = σ, n += (r⊙h_{t−1})·W_hh_nᵀ, n = tanh and h_t = z⊙n + (1−z)⊙h_{t−1}. Backward
 * runs the steps in reverse and makes every weight gradient one GEMM over the window. State (N, H).
 */
final class MutLayer extends StepMatrixLayer {

    private final Architecture architecture;
    private final MutTensors tensors;
    private final int projectedWidth;    // K·H
    private final float[] projectedBias; // (K·H) the projected gates' bias blocks in W_ih's order, read each window
    private final float[] biasGradient;  // (K·H) their gradient over a window, before it goes to the bias's blocks

    /** The steps multiply by W_hh_z (MUT2 and MUT3), W_hh_r and W_hh_n, (H, H) each, in this order. */
    MutLayer(Kernels kernels, Parameters parameters, Architecture architecture, MutTensors tensors) {
        super(kernels, parameters, tensors.hidden(), stepWeights(tensors));
        this.architecture = architecture;
        this.tensors = tensors;
        this.projectedWidth = architecture.projected().size() * hidden;
        this.projectedBias = new float[projectedWidth];
        this.biasGradient = new float[projectedWidth];
    }

    private static List<Tensor> stepWeights(MutTensors tensors) {
        return tensors.weightHhZ() == null ? List.of(tensors.weightHhR(), tensors.weightHhN())
                : List.of(tensors.weightHhZ(), tensors.weightHhR(), tensors.weightHhN());
    }

    @Override
    protected Window newWindow(int steps, int rows, List<StepMatrix> matrices) {
        int count = matrices.size();
        StepMatrix update = count == 3 ? matrices.getFirst() : null;
        return new MutWindow(steps, rows, update, matrices.get(count - 2), matrices.get(count - 1));
    }

    /** Where a gate lies in a window: at column {@code column} of rows {@code width} apart in {@code values}. */
    private record Block(float[] values, int column, int width) {

        /** The offset of the gate's H values at window position k = t·N + n. */
        int at(int position) {
            return position * width + column;
        }
    }

    /**
     * The window keeps its gates and r⊙h_{t−1} of every step. Its row passes run on the worker pool
     * ({@link RowTasks}); they read the step from {@link #first}.
     */
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
        private final float[] dGate;        // (N, H) each row's dL/dz, then dL/dr
        private final float[] dCandidate;   // (N, H) each row's dL/dn
        private final RowTasks tasks = new RowTasks();
        private final RowTasks.Body stateTanhRows = this::stateTanhRows;
        private final RowTasks.Body gateRows = this::gateRows;
        private final RowTasks.Body newStateRows = this::newStateRows;
        private final RowTasks.Body mixBackwardRows = this::mixBackwardRows;
        private final RowTasks.Body resetBackwardRows = this::resetBackwardRows;
        private final RowTasks.Body stateTanhBackwardRows = this::stateTanhBackwardRows;
        private final RowTasks.Body rawTanhRows = this::rawTanhRows;
        private final RowTasks.Body rawTanhBackwardRows = this::rawTanhBackwardRows;
        private final RowTasks.Body rhTanhRows = this::rhTanhRows;
        private int first; // window position of the current step's first row; its h_{t−1} is row `first` of hs

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
            this.dGate = new float[block];
            this.dCandidate = new float[block];
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
                first = t * rows;
                int prev = t * block;
                switch (architecture.updateInput()) {
                    case NONE -> { }
                    case STATE -> update.addProduct(rows, hs, prev, z.values(), z.at(first), z.width());
                    case TANH_STATE -> {
                        tasks.run(rows, hidden, stateTanhRows);
                        update.addProduct(rows, stateTanh, 0, z.values(), z.at(first), z.width());
                    }
                }
                reset.addProduct(rows, hs, prev, r.values(), r.at(first), r.width());
                tasks.run(rows, hidden, gateRows);
                candidate.addProduct(rows, rh, prev, n.values(), n.at(first), n.width());
                tasks.run(rows, hidden, newStateRows);
            }
            System.arraycopy(hs, steps * block, state, 0, block);
        }

        /** The sum of the gate that reads x itself, for all R rows: x + b_r (MUT2) or tanh(x) + b_h (MUT1). */
        private void addRawInput(LayerInput input, int all) {
            switch (architecture.rawInput()) {
                case NONE -> { }
                case INTO_R -> {
                    kernels.broadcastRows(parameters.values(), tensors.bias().offset() + Gate.R.ordinal() * hidden, hidden, all, own, 0);
                    input.addRows(all, own, 0, hidden);
                }
                case TANH_INTO_N -> {
                    Arrays.fill(own, 0, all * hidden, 0f);
                    input.addRows(all, own, 0, hidden);
                    tasks.run(all, hidden, rawTanhRows);
                }
            }
        }

        /** MUT1: own = tanh(x) + b_h over window positions [k0, k1). */
        private void rawTanhRows(int k0, int k1) {
            float[] w = parameters.values();
            int bias = tensors.bias().offset() + Gate.N.ordinal() * hidden;
            kernels.activate(Activation.TANH, own, k0 * hidden, (k1 - k0) * hidden);
            for (int k = k0; k < k1; k++) {
                for (int j = 0; j < hidden; j++) {
                    own[k * hidden + j] += w[bias + j];
                }
            }
        }

        /** MUT3: tanh(h_{t−1}) of the step's rows [q0, q1). */
        private void stateTanhRows(int q0, int q1) {
            System.arraycopy(hs, (first + q0) * hidden, stateTanh, q0 * hidden, (q1 - q0) * hidden);
            kernels.activate(Activation.TANH, stateTanh, q0 * hidden, (q1 - q0) * hidden);
        }

        /** z, r = σ(their sums) and r⊙h_{t−1} for the step's rows [q0, q1). */
        private void gateRows(int q0, int q1) {
            for (int k = first + q0; k < first + q1; k++) {
                kernels.activate(Activation.SIGMOID, z.values(), z.at(k), hidden);
                kernels.activate(Activation.SIGMOID, r.values(), r.at(k), hidden);
                kernels.multiply(r.values(), r.at(k), hs, k * hidden, rh, k * hidden, hidden);
            }
        }

        /** n = tanh(its sum) and h_t = z⊙n + (1−z)⊙h_{t−1} for the step's rows [q0, q1). */
        private void newStateRows(int q0, int q1) {
            for (int k = first + q0; k < first + q1; k++) {
                kernels.activate(Activation.TANH, n.values(), n.at(k), hidden);
                kernels.interpolate(z.values(), z.at(k), n.values(), n.at(k), hs, k * hidden, hs, (k + rows) * hidden, hidden);
            }
        }

        /** Step t's gradients replace its activations, which nothing reads after it: no dGates buffer. */
        @Override
        public void backward(LayerInput input, float[] dOutput, float[] dState) {
            Arrays.fill(dh, 0f);
            for (int t = steps - 1; t >= 0; t--) {
                first = t * rows;
                addOutputGradient(dOutput, t);
                tasks.run(rows, hidden, mixBackwardRows);
                // dL/d(r⊙h_{t−1}) (N, H) = dA_n·W_hh_n
                candidate.backpropagate(rows, n.values(), n.at(first), n.width(), 0f, dRh, 0);
                tasks.run(rows, hidden, resetBackwardRows);
                // dL/dh_{t−1} = the direct parts + dA_r·W_hh_r + z's part
                System.arraycopy(dhPrev, 0, dh, 0, block);
                reset.backpropagate(rows, r.values(), r.at(first), r.width(), 1f, dh, 0);
                switch (architecture.updateInput()) {
                    case NONE -> { }
                    case STATE -> update.backpropagate(rows, z.values(), z.at(first), z.width(), 1f, dh, 0);
                    case TANH_STATE -> {
                        update.backpropagate(rows, z.values(), z.at(first), z.width(), 0f, dRh, 0);
                        tasks.run(rows, hidden, stateTanhBackwardRows);
                    }
                }
            }
            System.arraycopy(dh, 0, dState, 0, block);
            accumulateGradients(input);
        }

        /** h_t = z⊙n + (1−z)⊙h_{t−1}: dz, dn and the direct part of dL/dh_{t−1}, then z's and n's sums, rows [q0, q1). */
        private void mixBackwardRows(int q0, int q1) {
            for (int q = q0; q < q1; q++) {
                int k = first + q;
                int row = q * hidden;
                kernels.interpolateBackward(dh, row, z.values(), z.at(k), n.values(), n.at(k), hs, k * hidden,
                        dGate, row, dCandidate, row, dhPrev, row, hidden);
                kernels.activationBackward(Activation.SIGMOID, z.values(), z.at(k), dGate, row, hidden);
                kernels.activationBackward(Activation.TANH, n.values(), n.at(k), dCandidate, row, hidden);
                System.arraycopy(dGate, row, z.values(), z.at(k), hidden);
                System.arraycopy(dCandidate, row, n.values(), n.at(k), hidden);
            }
        }

        /** r⊙h_{t−1}: dr = dRh⊙h_{t−1} into r's sum, and dL/dh_{t−1} += dRh⊙r, rows [q0, q1). */
        private void resetBackwardRows(int q0, int q1) {
            for (int q = q0; q < q1; q++) {
                int k = first + q;
                int row = q * hidden;
                kernels.multiply(dRh, row, hs, k * hidden, dGate, row, hidden);
                kernels.addProduct(dRh, row, r.values(), r.at(k), dhPrev, row, hidden);
                kernels.activationBackward(Activation.SIGMOID, r.values(), r.at(k), dGate, row, hidden);
                System.arraycopy(dGate, row, r.values(), r.at(k), hidden);
            }
        }

        /** MUT3: dh += (dA_z·W_hh_z)⊙(1 − tanh²h_{t−1}), the product in dRh, rows [q0, q1). */
        private void stateTanhBackwardRows(int q0, int q1) {
            stateTanhRows(q0, q1);
            kernels.activationBackward(Activation.TANH, stateTanh, q0 * hidden, dRh, q0 * hidden, (q1 - q0) * hidden);
            for (int i = q0 * hidden; i < q1 * hidden; i++) {
                dh[i] += dRh[i];
            }
        }

        /**
         * One GEMM each over all R = T·N rows: dW_ih += dA_projectedᵀ·x, dW_hh_r += dA_rᵀ·h_prev,
         * dW_hh_n += dA_nᵀ·(r⊙h_prev), dW_hh_z += dA_zᵀ·h_prev or ·tanh(h_prev); the bias blocks' column sums;
         * dx = dA_projected·W_ih into the input's gradient, and then the raw gate's share of dx.
         */
        private void accumulateGradients(LayerInput input) {
            int all = steps * rows;
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
                    tasks.run(all, hidden, rhTanhRows);
                    update.addWeightGradient(all, z.values(), z.at(0), z.width(), rh, 0);
                }
            }
            if (architecture.rawInput() == Architecture.RawInput.TANH_INTO_N) {
                // dL/dx = dA_n⊙(1 − tanh²x), tanh(x) recomputed into the spent r⊙h_prev before dx is written
                Arrays.fill(rh, 0, all * hidden, 0f);
                input.addRows(all, rh, 0, hidden);
                tasks.run(all, hidden, rawTanhBackwardRows);
            }
            input.backpropagate(kernels, all, projected, projectedWidth, parameters.values(), tensors.weightIh().offset());
            if (own != null) {
                input.addRowGradient(all, own, 0, hidden);
            }
        }

        /** tanh of r⊙h's buffer over window positions [k0, k1). */
        private void rhTanhRows(int k0, int k1) {
            kernels.activate(Activation.TANH, rh, k0 * hidden, (k1 - k0) * hidden);
        }

        /** MUT1: n's sum gradient times 1 − tanh²x, x in r⊙h's buffer, over window positions [k0, k1). */
        private void rawTanhBackwardRows(int k0, int k1) {
            rhTanhRows(k0, k1);
            kernels.activationBackward(Activation.TANH, rh, k0 * hidden, own, k0 * hidden, (k1 - k0) * hidden);
        }
    }
}
