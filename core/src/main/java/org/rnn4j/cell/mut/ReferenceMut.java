package org.rnn4j.cell.mut;

import java.util.List;
import org.rnn4j.cell.ReferenceAffine;
import org.rnn4j.cell.ReferenceCell;
import org.rnn4j.cell.mut.Architecture.Gate;

/**
 * A MUT step for one row in double precision, one loop per element. Each gate's sum starts at its bias block and
 * takes what {@link Architecture} gives it: its block of ai = W_ih·x, x or tanh(x) itself, W_hz·h or
 * W_hz·tanh(h) for z, W_hr·h for r, W_hh_n·(r⊙h) for n; then z, r = σ(·), n = tanh(·) and
 * h_t = z⊙n + (1−z)⊙h_{t−1}.
 */
final class ReferenceMut implements ReferenceCell {

    /** One step: x (D), h_{t−1} (1, H), ai (K·H), tanh(h_{t−1}) (H), r⊙h_{t−1} (H), z|r|n (3, H), h_t (1, H). */
    private record MutStep(double[] x, double[][] previous, double[] ai, double[] stateTanh, double[] rh,
                           double[][] gates, double[][] state) implements Step {
    }

    private final Architecture architecture;
    private final ReferenceAffine input;     // W_ih (K·H, D), no bias
    private final ReferenceAffine update;    // W_hh_z (H, H); null for MUT1
    private final ReferenceAffine reset;     // W_hh_r (H, H)
    private final ReferenceAffine candidate; // W_hh_n (H, H)
    private final int bias;                  // offset of b_z|b_r|b_h (3H)

    ReferenceMut(Architecture architecture, MutTensors tensors) {
        this.architecture = architecture;
        this.input = ReferenceAffine.linear(tensors.weightIh());
        this.update = tensors.weightHhZ() == null ? null : ReferenceAffine.linear(tensors.weightHhZ());
        this.reset = ReferenceAffine.linear(tensors.weightHhR());
        this.candidate = ReferenceAffine.linear(tensors.weightHhN());
        this.bias = tensors.bias().offset();
    }

    @Override
    public Step forward(double[] params, double[] x, double[][] previous) {
        double[] h = previous[0];
        int hidden = h.length;
        MutStep s = new MutStep(x, previous, new double[input.rows()], new double[hidden], new double[hidden],
                new double[3][hidden], new double[1][hidden]);
        double[][] a = s.gates(); // the sums, then the activations
        for (Gate gate : Gate.values()) {
            System.arraycopy(params, bias + gate.ordinal() * hidden, a[gate.ordinal()], 0, hidden);
        }
        input.forward(params, x, s.ai());
        List<Gate> projected = architecture.projected();
        for (int k = 0; k < projected.size(); k++) {
            for (int j = 0; j < hidden; j++) {
                a[projected.get(k).ordinal()][j] += s.ai()[k * hidden + j];
            }
        }
        if (architecture.rawInput() != Architecture.RawInput.NONE) {
            double[] sum = a[architecture.rawInput().gate().ordinal()];
            for (int j = 0; j < hidden; j++) {
                sum[j] += architecture.rawInput() == Architecture.RawInput.TANH_INTO_N ? Math.tanh(x[j]) : x[j];
            }
        }
        for (int j = 0; j < hidden; j++) {
            s.stateTanh()[j] = Math.tanh(h[j]);
        }
        switch (architecture.updateInput()) {
            case NONE -> { }
            case STATE -> addProduct(update, params, h, a[Gate.Z.ordinal()]);
            case TANH_STATE -> addProduct(update, params, s.stateTanh(), a[Gate.Z.ordinal()]);
        }
        addProduct(reset, params, h, a[Gate.R.ordinal()]);
        for (int j = 0; j < hidden; j++) {
            a[Gate.Z.ordinal()][j] = ReferenceCell.sigmoid(a[Gate.Z.ordinal()][j]);
            a[Gate.R.ordinal()][j] = ReferenceCell.sigmoid(a[Gate.R.ordinal()][j]);
            s.rh()[j] = a[Gate.R.ordinal()][j] * h[j];
        }
        addProduct(candidate, params, s.rh(), a[Gate.N.ordinal()]);
        for (int j = 0; j < hidden; j++) {
            double z = a[Gate.Z.ordinal()][j];
            double n = Math.tanh(a[Gate.N.ordinal()][j]);
            a[Gate.N.ordinal()][j] = n;
            s.state()[0][j] = z * n + (1.0 - z) * h[j];
        }
        return s;
    }

    /** into += W·x. */
    private static void addProduct(ReferenceAffine matrix, double[] params, double[] x, double[] into) {
        double[] product = new double[matrix.rows()];
        matrix.forward(params, x, product);
        for (int j = 0; j < into.length; j++) {
            into[j] += product[j];
        }
    }

    @Override
    public double[][] backward(double[] params, double[] gradients, Step step, double[][] dState, double[] dx) {
        MutStep s = (MutStep) step;
        double[] h = s.previous()[0];
        int hidden = h.length;
        double[][] a = s.gates();
        double[][] dSum = new double[3][hidden]; // dL/d(each gate's sum)
        double[][] dPrevious = new double[1][hidden];
        double[] dh = dState[0];
        for (int j = 0; j < hidden; j++) {
            double z = a[Gate.Z.ordinal()][j];
            double n = a[Gate.N.ordinal()][j];
            dPrevious[0][j] = dh[j] * (1.0 - z);
            dSum[Gate.Z.ordinal()][j] = dh[j] * (n - h[j]) * z * (1.0 - z);
            dSum[Gate.N.ordinal()][j] = dh[j] * z * (1.0 - n * n);
        }
        double[] dRh = new double[hidden]; // dL/d(r⊙h_{t−1})
        candidate.backward(params, gradients, s.rh(), dSum[Gate.N.ordinal()], dRh);
        for (int j = 0; j < hidden; j++) {
            double r = a[Gate.R.ordinal()][j];
            dPrevious[0][j] += dRh[j] * r;
            dSum[Gate.R.ordinal()][j] = dRh[j] * h[j] * r * (1.0 - r);
        }
        reset.backward(params, gradients, h, dSum[Gate.R.ordinal()], dPrevious[0]);
        switch (architecture.updateInput()) {
            case NONE -> { }
            case STATE -> update.backward(params, gradients, h, dSum[Gate.Z.ordinal()], dPrevious[0]);
            case TANH_STATE -> {
                double[] dTanh = new double[hidden];
                update.backward(params, gradients, s.stateTanh(), dSum[Gate.Z.ordinal()], dTanh);
                for (int j = 0; j < hidden; j++) {
                    dPrevious[0][j] += dTanh[j] * (1.0 - s.stateTanh()[j] * s.stateTanh()[j]);
                }
            }
        }
        for (Gate gate : Gate.values()) {
            for (int j = 0; j < hidden; j++) {
                gradients[bias + gate.ordinal() * hidden + j] += dSum[gate.ordinal()][j];
            }
        }
        List<Gate> projected = architecture.projected();
        double[] dai = new double[input.rows()];
        for (int k = 0; k < projected.size(); k++) {
            System.arraycopy(dSum[projected.get(k).ordinal()], 0, dai, k * hidden, hidden);
        }
        input.backward(params, gradients, s.x(), dai, dx);
        if (architecture.rawInput() != Architecture.RawInput.NONE) {
            double[] dRaw = dSum[architecture.rawInput().gate().ordinal()];
            for (int j = 0; j < hidden; j++) {
                double tanhX = Math.tanh(s.x()[j]);
                dx[j] += architecture.rawInput() == Architecture.RawInput.TANH_INTO_N ? dRaw[j] * (1.0 - tanhX * tanhX) : dRaw[j];
            }
        }
        return dPrevious;
    }
}
