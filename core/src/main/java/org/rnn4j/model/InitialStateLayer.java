package org.rnn4j.model;

import java.util.Arrays;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * What a reset writes into every row's state, and the gradient back to it. Forward: state (S, N, H) of layer l
 * = zero, or for a learned initial state the tensor rnn.initial_state_l (S, H) broadcast to the N rows (h₀ into
 * every row's h, c₀ into every row's c). Backward, for a window that ran from a reset: d(rnn.initial_state_l)
 * (S, H) += Σ over the N rows of dL/d(initial state) (S, N, H), the broadcast's transpose, as a bias gradient is.
 */
final class InitialStateLayer {

    private final Kernels kernels;
    private final Parameters parameters;
    private final Tensor[] tensors; // per layer (S, H); empty for a zero initial state
    private final int hidden;       // H

    InitialStateLayer(ModelConfig config, Kernels kernels, Parameters parameters) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.tensors = ModelLayout.initialStateTensors(config).stream()
                .map(tensor -> parameters.layout().get(tensor.name())).toArray(Tensor[]::new);
        this.hidden = config.hiddenSize();
    }

    /** Overwrites {@code state} (S, N, H) of layer {@code layer} with the initial state of every row. */
    void forward(int layer, float[] state) {
        if (tensors.length == 0) {
            Arrays.fill(state, 0f);
            return;
        }
        Tensor tensor = tensors[layer];
        int vectors = tensor.rows();                 // S
        int rows = state.length / (vectors * hidden); // N
        for (int s = 0; s < vectors; s++) {
            kernels.broadcastRows(parameters.values(), tensor.offset() + s * hidden, hidden, rows, state, s * rows * hidden);
        }
    }

    /** Adds Σ over rows of {@code dState} (S, N, H), dL/d(initial state) of layer {@code layer}, into the gradient of its h₀ (and c₀). */
    void backward(int layer, float[] dState) {
        if (tensors.length == 0) {
            return;
        }
        Tensor tensor = tensors[layer];
        int vectors = tensor.rows();                  // S
        int rows = dState.length / (vectors * hidden); // N
        for (int s = 0; s < vectors; s++) {
            kernels.addColumnSums(dState, s * rows * hidden, rows, hidden, parameters.gradients(), tensor.offset() + s * hidden);
        }
    }
}
