package org.rnn4j.cell.mrnn;

import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Multiplicative RNN (Sutskever, Martens and Hinton, 2011), factored: the input chooses the recurrent matrix
 * W_hm·diag(W_mx x)·W_mh through F factors, m = (W_mx x)⊙(W_mh h_{t−1}), h_t = tanh(W_hm m + W_hx x + b).
 * F is the cell's one setting, {@code factors}; the registry's cell has F = H. State: h.
 */
public final class MultiplicativeRnnCell implements Cell {

    static final String FACTORS = "factors";
    private static final int AS_HIDDEN = 0; // F = H

    private final int factors; // F, or AS_HIDDEN

    /** The cell with as many factors as hidden units. */
    public MultiplicativeRnnCell() {
        this(AS_HIDDEN);
    }

    private MultiplicativeRnnCell(int factors) {
        this.factors = factors;
    }

    /** F for hidden size H. */
    int factors(int hidden) {
        return factors == AS_HIDDEN ? hidden : factors;
    }

    @Override
    public String id() {
        return "mrnn";
    }

    @Override
    public String description() {
        return "multiplicative RNN (Sutskever et al. 2011): m = (W_mx x)⊙(W_mh h), h = tanh(W_hm m + W_hx x + b); "
                + "--factors sets the size F of m";
    }

    @Override
    public Map<String, Integer> settings(int hidden) {
        return Map.of(FACTORS, factors(hidden));
    }

    @Override
    public MultiplicativeRnnCell with(Map<String, Integer> settings) {
        int f = factors;
        for (Map.Entry<String, Integer> setting : settings.entrySet()) {
            if (!setting.getKey().equals(FACTORS)) {
                throw new IllegalArgumentException("cell mrnn has no setting " + setting.getKey() + ", only " + FACTORS);
            }
            f = setting.getValue();
            if (f < 1) {
                throw new IllegalArgumentException("the multiplicative RNN needs at least one factor, got " + f);
            }
        }
        return new MultiplicativeRnnCell(f);
    }

    /** W_ih (F+H, D) = [W_mx; W_hx], W_mh (F, H), W_hm (H, F), b (H). */
    @Override
    public List<TensorShape> tensors(int input, int hidden) {
        return MultiplicativeRnnTensors.shapes(input, hidden, factors(hidden));
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new MultiplicativeRnnLayer(kernels, parameters, MultiplicativeRnnTensors.of(tensors));
    }

    /**
     * Own: the input's part (T·N, F+H), W_mh h and m (T·N, F) each; the step's dL/dm and dL/d(W_mh h) (N, F)
     * each, and the bias rows (F+H) twice.
     */
    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        long f = factors == AS_HIDDEN ? hidden : factors;
        memory.add("the window's input part", layers, MemoryEstimate.product(steps, rows, f + hidden), Float.BYTES);
        memory.add("the window's factors", 2 * layers, MemoryEstimate.product(steps, rows, f), Float.BYTES);
        memory.add("the window's factor gradients", 2 * layers, MemoryEstimate.product(rows, f), Float.BYTES);
        memory.add("the layer's bias rows", 2 * layers, f + hidden, Float.BYTES);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceMultiplicativeRnn(MultiplicativeRnnTensors.of(tensors));
    }

    @Override
    public Optional<String> inputProjection() {
        return Optional.of(RecurrentTensors.WEIGHT_IH);
    }

    /** W_mh, then W_hm. */
    @Override
    public List<String> packedRecurrent() {
        return List.of(MultiplicativeRnnTensors.WEIGHT_MH, MultiplicativeRnnTensors.WEIGHT_HM);
    }

    /** Cells with the same factors are equal: a checkpoint's cell equals the one it was made with. */
    @Override
    public boolean equals(Object other) {
        return other instanceof MultiplicativeRnnCell cell && cell.factors == factors;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), factors);
    }

    @Override
    public String toString() {
        return factors == AS_HIDDEN ? id() : id() + "(factors " + factors + ")";
    }
}
