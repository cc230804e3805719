package org.rnn4j.cell;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.Initialization;
import org.rnn4j.model.MemoryEstimate;
import org.rnn4j.nn.LayerInput;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.TensorShape;

/**
 * A recurrent cell, all of it: its name, the state a row carries, the tensors of one layer, how they
 * start, the float layer that runs whole windows and the double-precision step that specifies it. The
 * model, the trainer, checkpoints, sampling and the gradient check ask the cell; none switches on it.
 * {@link Cells} lists the cells there are.
 *
 * <p>Legend: D the layer's input size, H hidden size, G gate blocks of a fused matrix.
 */
public interface Cell {

    /** The name on the command line and in checkpoints, e.g. {@code lstm}. */
    String id();

    /** One line for the help and the docs: the cell's equation or its source. */
    String description();

    /**
     * How many H-wide vectors a row carries from step to step and between windows: h alone, unless the cell
     * says more (an LSTM: h, then c).
     */
    default int stateVectors() {
        return 1;
    }

    /**
     * The sizes that make this cell beyond D and H, by name, for hidden size H: the multiplicative RNN's
     * {"factors": F}; empty for the other cells. A checkpoint records them and {@link #with} restores them.
     */
    default Map<String, Integer> settings(int hidden) {
        return Map.of();
    }

    /**
     * This cell with the sizes that {@code settings} names (names of {@link #settings}); refuses a name the cell
     * does not have, or a size it cannot take.
     */
    default Cell with(Map<String, Integer> settings) {
        if (!settings.isEmpty()) {
            throw new IllegalArgumentException("cell " + id() + " has no setting " + String.join(", ", settings.keySet()));
        }
        return this;
    }

    /**
     * Whether a layer can read inputs of width D with hidden size H: true for every D unless the cell adds x
     * itself to an H-wide sum, as MUT1 and MUT2 do, which needs D = H.
     */
    default boolean acceptsInput(int input, int hidden) {
        return true;
    }

    /**
     * The tensors of one layer on input D and hidden H, in checkpoint order. Names are PyTorch's where
     * PyTorch has the cell ({@code weight_ih}, …); the model stores them as {@code rnn.<name>_l<layer>}.
     */
    List<TensorShape> tensors(int input, int hidden);

    /**
     * What the cell starts differently after the scheme has filled every tensor (the LSTM's forget-gate
     * bias), if anything; writes {@code values} at the layer's tensors.
     */
    default void initialize(LayerTensors tensors, float[] values, Initialization init) {
    }

    /** The float layer over whole windows that reads, and adds gradients into, the layer's tensors. */
    RecurrentLayer layer(Kernels kernels, Parameters parameters, LayerTensors tensors);

    /**
     * Adds to {@code memory} what one layer's window of T = {@code steps} × N = {@code rows} allocates besides its
     * hidden states, counted before any of it exists: {@code blockSets} sets of the activation blocks that
     * layers may share (1 when they do, else {@code layers}), and each of the {@code layers} layers' own arrays.
     */
    void estimateWindow(MemoryEstimate memory, long steps, long rows, long hidden, long blockSets, long layers);

    /** The double-precision step of one row that the layer is checked against. */
    ReferenceCell reference(LayerTensors tensors);

    /**
     * The tensor W (K, D) through which the layer reads all of its input, as the product x·Wᵀ of
     * {@link LayerInput#addProjection}; empty when it reads its input otherwise. With one, the first layer's
     * product can be looked up per token (a (V, K) table) and a one-row forward reads a packed copy of W.
     */
    Optional<String> inputProjection();

    /**
     * The matrices each step multiplies the state by, which a one-row forward reads as packed copies
     * ({@link RecurrentLayer#window(int, int, org.rnn4j.nn.ActivationBlocks, List)} takes them in this
     * order); empty when such a forward runs the general window.
     */
    List<String> packedRecurrent();
}
