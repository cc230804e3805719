package org.rnn4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.rnn4j.cell.Cell;
import org.rnn4j.cell.Cells;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.model.ModelLayout;
import org.rnn4j.nn.ActivationBlocks;
import org.rnn4j.nn.DenseInput;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentLayer;
import org.rnn4j.random.Rng;
import org.rnn4j.tensor.ParameterLayout;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * Forward and backward of one recurrent layer (H = 512 on D = 512-wide dense input) over one window of
 * T = 10 steps × N = 64 rows, as a training step runs each layer: the same {@link RecurrentLayer.Window}
 * every invocation, the state carried from one window to the next, and the parameter gradients added
 * into (never zeroed; their size does not change the work). {@code cell} is any registered cell's id
 * ({@code -p cell=rnn-relu}); the layer is built from the cell's own definition.
 *
 * <p>The score is the time of one window in µs. Its GEMMs do 6·T·N·G·H·(D + H) floating-point operations
 * (forward x·W_ihᵀ and h·W_hhᵀ; backward dh, dW_hh, dW_ih and dx), 8.05 G for the LSTM (G = 4) and
 * 6.04 G for the GRU (G = 3), so GFLOP/s = that count / (score · 1000), the gate math not counted.
 */
public class CellStepBenchmark extends KernelBenchmark {

    private static final int STEPS = 10;    // T
    private static final int ROWS = 64;     // N
    private static final int INPUT = 512;   // D
    private static final int HIDDEN = 512;  // H

    @Param({"lstm", "gru"})
    public String cell;

    private RecurrentLayer.Window window;
    private DenseInput input;  // x (T·N, D) and its gradient dx (T·N, D)
    private float[] state;     // carried state (stateVectors, N, H)
    private float[] dState;    // dL/d(initial state), same shape
    private float[] dOutput;   // (T·N, H) stands in for the gradient from the layer above

    @Setup
    public void setUp() {
        Kernels chosen = setUpKernels();
        Cell definition = Cells.of(cell);
        ParameterLayout layout = new ParameterLayout();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (TensorShape tensor : definition.tensors(INPUT, HIDDEN)) {
            tensors.put(tensor.name(), layout.add(ModelLayout.layerTensor(0, tensor.name()), tensor.shape()));
        }
        Parameters parameters = new Parameters(layout);
        Rng rng = new Rng(1);
        // PyTorch's initialization: uniform in ±1/√H
        RandomValues.fillUniform(parameters.values(), (float) (1.0 / Math.sqrt(HIDDEN)), rng);
        RecurrentLayer layer = definition.layer(chosen, parameters, new LayerTensors(0, tensors));
        window = layer.window(STEPS, ROWS, new ActivationBlocks());
        int inputValues = STEPS * ROWS * INPUT;
        input = new DenseInput(RandomValues.uniform(inputValues, rng), 0, INPUT, new float[inputValues]);
        state = new float[layer.stateSize(ROWS)];
        dState = new float[layer.stateSize(ROWS)];
        dOutput = RandomValues.uniform(STEPS * ROWS * HIDDEN, rng);
    }

    /** Returns dL/dx, which depends on the forward's activations and the whole backward. */
    @Benchmark
    public float[] forwardBackward() {
        window.forward(input, state);
        window.backward(input, dOutput, dState);
        return input.gradients();
    }
}
