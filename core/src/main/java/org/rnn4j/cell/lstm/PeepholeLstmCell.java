package org.rnn4j.cell.lstm;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.TensorShape;

/**
 * LSTM with peephole connections (Gers and Schmidhuber, 2000; the book's LSTM): PyTorch's four LSTM tensors
 * (G = 4, i|f|g|o) and three diagonal weights w_ci, w_cf, w_co (H) through which the gates see the cell:
 * i = σ(a_i + w_ci⊙c_{t−1}), f = σ(a_f + w_cf⊙c_{t−1}), g = tanh(a_g), c_t = f⊙c_{t−1} + i⊙g,
 * o = σ(a_o + w_co⊙c_t), h_t = o⊙tanh(c_t), with a = W_ih x + b_ih + W_hh h_{t−1} + b_hh. State: h, then c.
 */
public final class PeepholeLstmCell implements Cell {

    static final String WEIGHT_CI = "weight_ci";
    static final String WEIGHT_CF = "weight_cf";
    static final String WEIGHT_CO = "weight_co";

    @Override
    public String id() {
        return "lstm-peephole";
    }

    @Override
    public String description() {
        return "LSTM with peepholes: i, f see c_{t-1} and o sees c_t through diagonal weights w_ci, w_cf, w_co";
    }

    @Override
    public int stateVectors() {
        return 2;
    }

    /** PyTorch's four LSTM tensors, then weight_ci, weight_cf and weight_co (H). */
    @Override
    public List<TensorShape> tensors(int input, int hidden) {
        List<TensorShape> tensors = new ArrayList<>(RecurrentTensors.shapes(4, input, hidden));
        for (String name : List.of(WEIGHT_CI, WEIGHT_CF, WEIGHT_CO)) {
            tensors.add(TensorShape.vector(name, hidden));
        }
        return tensors;
    }

    @Override
    public void initialize(LayerTensors tensors, float[] values, Initialization init) {
        LstmCell.initializeForgetBias(tensors, values, init);
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new PeepholeLstmLayer(kernels, parameters, RecurrentTensors.of(tensors),
                List.of(tensors.get(WEIGHT_CI), tensors.get(WEIGHT_CF), tensors.get(WEIGHT_CO)));
    }

    /** The LSTM's window, and each layer's copy of its peephole weights (3H). */
    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        LstmCell.estimateLstmWindow(memory, steps, rows, hidden, blockSets, layers);
        memory.add("the peephole weights", layers, MemoryEstimate.product(3, hidden), Float.BYTES);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceLstm(RecurrentTensors.of(tensors), new ReferenceLstm.Peepholes(tensors.get(WEIGHT_CI).offset(),
                tensors.get(WEIGHT_CF).offset(), tensors.get(WEIGHT_CO).offset()));
    }

    @Override
    public Optional<String> inputProjection() {
        return Optional.of(RecurrentTensors.WEIGHT_IH);
    }

    @Override
    public List<String> packedRecurrent() {
        return List.of(RecurrentTensors.WEIGHT_HH);
    }

    @Override
    public String toString() {
        return id();
    }
}
