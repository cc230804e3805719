package org.rnn4j.cell.lstm;

import java.util.List;
import org.rnn4j.kernel.Kernels;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.nn.RowTasks;
import org.rnn4j.tensor.Parameters;
import org.rnn4j.tensor.Tensor;

/**
 * Peephole LSTM layer: the LSTM's window, whose steps add w_ci⊙c_{t−1} and w_cf⊙c_{t−1} to a_i and a_f and
 * w_co⊙c_t to a_o ({@link Kernels#peepholeLstmForward}). State (2, N, H): h then c.
 */
final class PeepholeLstmLayer extends LstmLayer {

    private final Parameters parameters;
    private final List<Tensor> peepholeTensors; // w_ci, w_cf, w_co (H) each
    private final float[] peepholes;            // (3H) w_ci|w_cf|w_co, read from the parameters before each window
    private final RowTasks tasks = new RowTasks();
    private final RowTasks.Body gradientColumns = this::addGradientColumns;
    private float[] dGates;  // what addStepParameterGradients hands its column passes: (R, 4H) gate gradients,
    private float[] cells;   // ((T+1)·N, H) cells,
    private int positions;   // R
    private int rows;        // and N

    PeepholeLstmLayer(Kernels kernels, Parameters parameters, RecurrentTensors tensors, List<Tensor> peepholeTensors) {
        super(kernels, parameters, tensors);
        this.parameters = parameters;
        this.peepholeTensors = List.copyOf(peepholeTensors);
        this.peepholes = new float[3 * hidden];
    }

    @Override
    void readStepParameters() {
        for (int k = 0; k < 3; k++) {
            System.arraycopy(parameters.values(), peepholeTensors.get(k).offset(), peepholes, k * hidden, hidden);
        }
    }

    @Override
    void stepForward(int rows, float[] gates, int gatesOffset, float[] cells, int prevCell, int cell, float[] h, int hOffset) {
        weights.kernels().peepholeLstmForward(rows, hidden, gates, gatesOffset, peepholes, cells, prevCell, cell, h, hOffset);
    }

    @Override
    void stepBackward(int rows, float[] gates, int gatesOffset, float[] cells, int prevCell, int cell, float[] dh, float[] dc) {
        weights.kernels().peepholeLstmBackward(rows, hidden, gates, gatesOffset, peepholes, cells, prevCell, cell,
                dh, 0, dc, gates, gatesOffset);
    }

    /**
     * dw_ci += Σ da_i⊙c_{t−1}, dw_cf += Σ da_f⊙c_{t−1}, dw_co += Σ da_o⊙c_t over the R positions, each column summed
     * in row order; the columns are split across the pool.
     */
    @Override
    void addStepParameterGradients(float[] dGates, float[] cells, int positions, int rows) {
        this.dGates = dGates;
        this.cells = cells;
        this.positions = positions;
        this.rows = rows;
        tasks.run(hidden, positions, gradientColumns);
        this.dGates = null;
        this.cells = null;
    }

    /** The peephole gradients of columns [j0, j1). */
    private void addGradientColumns(int j0, int j1) {
        Kernels kernels = weights.kernels();
        float[] g = parameters.gradients();
        int ci = peepholeTensors.get(0).offset() + j0;
        int cf = peepholeTensors.get(1).offset() + j0;
        int co = peepholeTensors.get(2).offset() + j0;
        int n = j1 - j0;
        for (int k = 0; k < positions; k++) {
            int gate = k * 4 * hidden + j0;
            int prevCell = k * hidden + j0;          // c_{t−1} of position k = t·N + n
            int cell = (k + rows) * hidden + j0;     // c_t
            kernels.addProduct(dGates, gate, cells, prevCell, g, ci, n);
            kernels.addProduct(dGates, gate + hidden, cells, prevCell, g, cf, n);
            kernels.addProduct(dGates, gate + 3 * hidden, cells, cell, g, co, n);
        }
    }
}
