package org.rnn4j.cell.grucho;

import java.util.List;
import java.util.Optional;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.TensorShape;

/**
 * GRU of Cho et al. (2014), the reset gate applied before the recurrent matrix: r = σ(W_ir x + b_ir + W_hr h + b_hr),
 * z likewise, n = tanh(W_in x + b_in + W_hn (r⊙h) + b_hn), h_t = (1−z)⊙n + z⊙h_{t−1}. State: h.
 */
public final class GruChoCell implements Cell {

    @Override
    public String id() {
        return "gru-cho";
    }

    @Override
    public String description() {
        return "GRU of Cho et al. (2014): n = tanh(W_in x + b_in + W_hn (r⊙h) + b_hn), h = (1−z)⊙n + z⊙h";
    }

    @Override
    public List<TensorShape> tensors(int input, int hidden) {
        return GruChoTensors.shapes(input, hidden);
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new GruChoLayer(kernels, parameters, GruChoTensors.of(tensors));
    }

    /** Own: the gates (T·N, 3H) and r⊙h_{t−1} (T·N, H); the step gradients (N, H) twice and (H) twice. */
    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        memory.add("the window's gates", layers, MemoryEstimate.product(steps, rows, 3, hidden), Float.BYTES);
        memory.add("the window's reset states", layers, MemoryEstimate.product(steps, rows, hidden), Float.BYTES);
        memory.add("the window's step gradients", layers, MemoryEstimate.product(2, rows + 1, hidden), Float.BYTES);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceGruCho(GruChoTensors.of(tensors));
    }

    @Override
    public Optional<String> inputProjection() {
        return Optional.of(RecurrentTensors.WEIGHT_IH);
    }

    @Override
    public List<String> packedRecurrent() {
        return List.of(GruChoTensors.WEIGHT_HH_RZ, GruChoTensors.WEIGHT_HH_N);
    }

    @Override
    public String toString() {
        return id();
    }
}
