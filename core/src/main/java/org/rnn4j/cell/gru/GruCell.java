package org.rnn4j.cell.gru;

import org.rnn4j.cell.FusedGateCell;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Parameters;

/**
 * GRU in PyTorch's formulation ({@code nn.GRU}, G = 3, blocks r|z|n): r = σ(W_ir x + b_ir + W_hr h + b_hr),
 * z likewise, n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)), h_t = (1−z)⊙n + z⊙h_{t−1}. State: h.
 */
public final class GruCell extends FusedGateCell {

    public GruCell() {
        super(3);
    }

    @Override
    public String id() {
        return "gru";
    }

    @Override
    public String description() {
        return "GRU: gates r, z, n; n = tanh(W_in x + b_in + r⊙(W_hn h + b_hn)), h = (1−z)⊙n + z⊙h (PyTorch nn.GRU)";
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new GruLayer(kernels, parameters, RecurrentTensors.of(tensors));
    }

    /** Shareable: gi (T·N, 3H) and the packed W_hh; own: gh (T·N, 3H) and the previous-state gradient (N, H). */
    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        long gates = MemoryEstimate.product(steps, rows, 3, hidden);
        memory.add("the window's gates", blockSets + layers, gates, Float.BYTES);
        memory.add("the window's previous-state gradients", layers, MemoryEstimate.product(rows, hidden), Float.BYTES);
        estimateStepWeights(memory, 3, hidden, blockSets);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceGru(RecurrentTensors.of(tensors));
    }
}
