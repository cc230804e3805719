package org.rnn4j.cell.mut;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * MUT1, MUT2 or MUT3 of Jozefowicz et al. (2015), as {@link Architecture} defines them: an update gate z, a
 * reset gate r applied before the recurrent matrix, a candidate n, and h_t = z⊙n + (1−z)⊙h_{t−1}. State: h.
 */
public final class MutCell implements Cell {

    private final Architecture architecture;

    public MutCell(Architecture architecture) {
        this.architecture = architecture;
    }

    @Override
    public String id() {
        return architecture.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String description() {
        return switch (architecture) {
            case MUT1 -> "MUT1 (Jozefowicz et al. 2015): z = σ(W_xz x + b_z), r = σ(W_xr x + W_hr h + b_r), "
                    + "h = z⊙tanh(W_hh (r⊙h) + tanh(x) + b_h) + (1−z)⊙h";
            case MUT2 -> "MUT2 (Jozefowicz et al. 2015): z = σ(W_xz x + W_hz h + b_z), r = σ(x + W_hr h + b_r), "
                    + "h = z⊙tanh(W_hh (r⊙h) + W_xh x + b_h) + (1−z)⊙h";
            case MUT3 -> "MUT3 (Jozefowicz et al. 2015): z = σ(W_xz x + W_hz tanh(h) + b_z), r = σ(W_xr x + W_hr h + b_r), "
                    + "h = z⊙tanh(W_hh (r⊙h) + W_xh x + b_h) + (1−z)⊙h";
        };
    }

    /** MUT1 and MUT2 add x itself to an H-wide sum. */
    @Override
    public boolean acceptsInput(int input, int hidden) {
        return architecture.rawInput() == Architecture.RawInput.NONE || input == hidden;
    }

    @Override
    public List<TensorShape> tensors(int input, int hidden) {
        return MutTensors.shapes(architecture, input, hidden);
    }

    @Override
    public RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors) {
        return new MutLayer(kernels, parameters, architecture, MutTensors.of(architecture, tensors));
    }

    /**
     * Own: the projected gates (T·N, K·H), the raw gate's sums (T·N, H) in MUT1 and MUT2, r⊙h (T·N, H); the step
     * gradients (N, H) four times, tanh(h) (N, H) in MUT3, and the bias blocks (K·H) twice.
     */
    @Override
    public void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers) {
        long projected = architecture.projected().size();
        boolean raw = architecture.rawInput() != Architecture.RawInput.NONE;
        boolean stateTanh = architecture.updateInput() == Architecture.UpdateInput.TANH_STATE;
        memory.add("the window's gates", layers, MemoryEstimate.product(steps, rows, projected, hidden), Float.BYTES);
        memory.add("the window's raw-input gates", raw ? layers : 0, MemoryEstimate.product(steps, rows, hidden), Float.BYTES);
        memory.add("the window's reset states", layers, MemoryEstimate.product(steps, rows, hidden), Float.BYTES);
        memory.add("the window's step gradients", layers * (stateTanh ? 5 : 4), MemoryEstimate.product(rows, hidden), Float.BYTES);
        memory.add("the layer's bias blocks", 2 * layers, MemoryEstimate.product(projected, hidden), Float.BYTES);
    }

    @Override
    public ReferenceCell reference(LayerTensors tensors) {
        return new ReferenceMut(architecture, MutTensors.of(architecture, tensors));
    }

    @Override
    public Optional<String> inputProjection() {
        return Optional.of(RecurrentTensors.WEIGHT_IH);
    }

    /** W_hh_z (MUT2 and MUT3), W_hh_r and W_hh_n. */
    @Override
    public List<String> packedRecurrent() {
        List<String> names = new ArrayList<>();
        if (architecture.updateInput() != Architecture.UpdateInput.NONE) {
            names.add(MutTensors.WEIGHT_HH_Z);
        }
        names.add(MutTensors.WEIGHT_HH_R);
        names.add(MutTensors.WEIGHT_HH_N);
        return names;
    }

    @Override
    public String toString() {
        return id();
    }
}
