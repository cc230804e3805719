package org.rnn4j.cell.mut;

import java.util.ArrayList;
import java.util.List;
import org.rnn4j.nn.LayerTensors;
import org.rnn4j.nn.RecurrentTensors;
import org.rnn4j.tensor.Tensor;
import org.rnn4j.tensor.TensorShape;

/**
 * Where one MUT layer's tensors live: W_ih (K·H, D) whose K blocks feed the projected gates in their order,
 * W_hh_z (H, H) that z's sum multiplies h or tanh(h) by (MUT2, MUT3; null for MUT1), W_hh_r (H, H) for
 * r's h, W_hh_n (H, H) for n's r⊙h, and the bias (3H) with blocks b_z|b_r|b_h.
 */
record MutTensors(Tensor weightIh, Tensor weightHhZ, Tensor weightHhR, Tensor weightHhN, Tensor bias) {

    static final String WEIGHT_HH_Z = "weight_hh_z";
    static final String WEIGHT_HH_R = "weight_hh_r";
    static final String WEIGHT_HH_N = "weight_hh_n";
    static final String BIAS = "bias";

    /** The shapes on input D and hidden H, in checkpoint order. */
    static List<TensorShape> shapes(Architecture architecture, int input, int hidden) {
        List<TensorShape> shapes = new ArrayList<>();
        shapes.add(TensorShape.matrix(RecurrentTensors.WEIGHT_IH, architecture.projected().size() * hidden, input));
        if (architecture.updateInput() != Architecture.UpdateInput.NONE) {
            shapes.add(TensorShape.matrix(WEIGHT_HH_Z, hidden, hidden));
        }
        shapes.add(TensorShape.matrix(WEIGHT_HH_R, hidden, hidden));
        shapes.add(TensorShape.matrix(WEIGHT_HH_N, hidden, hidden));
        shapes.add(TensorShape.vector(BIAS, 3 * hidden));
        return shapes;
    }

    static MutTensors of(Architecture architecture, LayerTensors tensors) {
        Tensor weightHhZ = architecture.updateInput() == Architecture.UpdateInput.NONE ? null : tensors.get(WEIGHT_HH_Z);
        return new MutTensors(tensors.get(RecurrentTensors.WEIGHT_IH), weightHhZ, tensors.get(WEIGHT_HH_R),
                tensors.get(WEIGHT_HH_N), tensors.get(BIAS));
    }

    /** H. */
    int hidden() {
        return weightHhN.rows();
    }
}
